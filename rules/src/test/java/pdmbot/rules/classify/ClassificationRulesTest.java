package pdmbot.rules.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pdmbot.domain.LogicalDatabase;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One case per rule of classification.drl: a small migration that makes the rule fire, on the expected line. */
class ClassificationRulesTest {

    private static final String HEAD = "class Example < Gitlab::Database::Migration[2.2]\n";

    static Classification classify(String body) {
        return Fixtures.CLASSIFIER.classify("db/post_migrate/20240101000000_example.rb", (HEAD + body + "\nend\n").getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("a ci schema restriction runs on the ci database", "  restrict_gitlab_migration gitlab_schema: :gitlab_ci\n  def up; end", 2),
                c("a main-family schema restriction runs on the main database", "  restrict_gitlab_migration gitlab_schema: :gitlab_main_cell\n  def up; end", 2),
                c("a shared or internal schema restriction runs on main and ci", "  restrict_gitlab_migration gitlab_schema: :gitlab_shared\n  def up; end", 2),
                c("an unrecognised schema restriction runs on main and ci", "  restrict_gitlab_migration gitlab_schema: :elsewhere\n  def up; end", 2),
                c("an unrestricted migration runs on main and ci", "  def up; end", 0),
                c("scheduling background work is sidekiq_only", "  def up\n    queue_batched_background_migration('M', :t, :id)\n  end", 3),
                c("async index or constraint preparation is sidekiq_only", "  def up\n    prepare_async_index :t, :c, name: 'i'\n  end", 3),
                c("removing background migration bookkeeping is sidekiq_only", "  def up\n    delete_batched_background_migration('M', :t, :id, [])\n  end", 3),
                c("building an index is large_index_or_fk", "  def up\n    add_concurrent_index :t, :c\n  end", 3),
                c("validating a foreign key or constraint is large_index_or_fk", "  def up\n    validate_foreign_key :t, :c\n  end", 3),
                c("a constraint or foreign key added without validate false is large_index_or_fk", "  def up\n    add_concurrent_foreign_key :t, :u, column: :u_id\n  end", 3),
                c("index or foreign key on a large table is large_index_or_fk", "  def up\n    add_concurrent_index :ci_builds, :c\n  end", 3),
                c("SQL that builds an index or validates a constraint is large_index_or_fk", "  def up\n    execute 'CREATE INDEX i ON t (c)'\n  end", 3),
                c("SQL index or constraint on a large table is large_index_or_fk", "  def up\n    execute 'ALTER TABLE ci_builds VALIDATE CONSTRAINT c'\n  end", 3),
                c("removing or renaming schema objects is ddl_cleanup", "  def up\n    remove_column :t, :c\n  end", 3),
                c("SQL that drops, renames or truncates is ddl_cleanup", "  def up\n    execute 'DROP INDEX CONCURRENTLY i'\n  end", 3),
                c("updating a column in batches is dml_inline", "  def up\n    update_column_in_batches(:t, :c, 1)\n  end", 3),
                c("a model update, delete or insert is dml_inline", "  def up\n    Model.where(a: 1).update_all(b: 2)\n  end", 3),
                c("SQL that writes rows is dml_inline", "  def up\n    execute 'UPDATE t SET a = 1'\n  end", 3),
                c("an unrecognised row write is treated as dml_inline", "  def up\n    Model.find_each { |m| m.update!(a: 1) }\n  end", 3),
                c("a background migration class run inline is treated as dml_inline", "  def up\n    Gitlab::BackgroundMigration::Fix.new.perform(1, 2)\n  end", 3),
                c("a service object called from up is treated as dml_inline", "  def up\n    Projects::CleanupService.new(x).execute\n  end", 3),
                c("an Arel update or delete manager is treated as dml_inline", "  def up\n    m = Arel::UpdateManager.new\n  end", 3),
                c("SQL the parser could not read is treated as dml_inline", "  def up\n    execute(statement_for(:t))\n  end", 3),
                c("finishing a background migration inline is finalize_background", "  def up\n    ensure_batched_background_migration_is_finished(job_class_name: 'M', table_name: :t, column_name: :id, job_arguments: [])\n  end", 3),
                c("an empty up or change is noop", "  def up\n    # no-op\n  end", 2),
                c("a migration without up or change is noop", "  def down; end", 1),
                c("a NOT VALID constraint is unknown light additive DDL", "  def up\n    add_check_constraint :t, 'a > 0', 'c', validate: false\n  end", 3),
                c("a column, default, trigger or function install is unknown light additive DDL", "  def up\n    change_column_default :t, :c, from: 1, to: 2\n  end", 3),
                c("SQL light additive DDL is unknown", "  def up\n    execute 'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()'\n  end", 3),
                c("work outside the database is unknown", "  def up\n    Gitlab::Redis::SharedState.with { |r| r.del('k') }\n  end", 3),
                c("SQL the rules do not know is unknown", "  def up\n    execute 'CLUSTER t'\n  end", 3),
                c("a file the parser could not fully read is unknown", "  def up\n    drop_table :t\n  end\n  end", 6),
                c("a file where no rule recognised anything is unknown", "  def up\n    say 'hello'\n  end", 1),
                c("a parse problem makes unknown dominant", "  def up\n    drop_table :t\n  end\n  end", -1),
                c("the most constraining nature is dominant", "  def up\n    drop_table :t\n  end", -1));
    }

    private static Arguments c(String rule, String body, int line) {
        return Arguments.of(rule, body, line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule_fires_and_names_itself_and_its_line(String rule, String body, int line) {
        Classification c = classify(body);

        if (rule.contains("dominant")) {
            assertThat(c.dominant()).isEqualTo(rule.startsWith("a parse problem") ? Nature.UNKNOWN : Nature.DDL_CLEANUP);
            return;
        }
        if (rule.contains("database") || rule.contains("main and ci")) {
            assertThat(c.databases()).isNotEmpty();
            return;
        }
        assertThat(c.reasons()).as("%s", c.reasons()).anySatisfy(r -> {
            assertThat(r.rule()).isEqualTo(rule);
            assertThat(r.line()).isEqualTo(line);
        });
    }

    @Test
    void every_built_in_rule_has_a_case() {
        Set<String> covered = new HashSet<>();
        cases().forEach(a -> covered.add((String) a.get()[0]));
        List<String> loaded = RuleBook.builtIn().rules().get(RuleBook.BUILT_IN);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(loaded);
    }

    @Test
    void ci_restriction_gives_only_the_ci_database() {
        assertThat(classify("  restrict_gitlab_migration gitlab_schema: :gitlab_ci\n  def up; end").databases()).containsExactly(LogicalDatabase.CI);
    }

    @Test
    void sec_and_clusterwide_restrictions_give_the_main_database() {
        assertThat(classify("  restrict_gitlab_migration gitlab_schema: :gitlab_sec\n  def up; end").databases()).containsExactly(LogicalDatabase.MAIN);
        assertThat(classify("  restrict_gitlab_migration gitlab_schema: :gitlab_main_clusterwide\n  def up; end").databases()).containsExactly(LogicalDatabase.MAIN);
    }

    @Test
    void dml_inline_is_dominant_over_finalize_background() {
        Classification c = classify("  def up\n    finalize_batched_background_migration(job_class_name: 'M', table_name: :t, column_name: :id, job_arguments: [])\n    execute 'DELETE FROM t'\n  end");
        assertThat(c.dominant()).isEqualTo(Nature.DML_INLINE);
        assertThat(c.natures()).containsExactly(Nature.DML_INLINE, Nature.FINALIZE_BACKGROUND);
    }

    @Test
    void index_on_a_small_table_has_no_large_table_reason() {
        Classification c = classify("  def up\n    add_concurrent_index :label_priorities, :c\n  end");
        assertThat(c.reasons()).extracting(Reason::rule).doesNotContain("index or foreign key on a large table is large_index_or_fk");
    }

    @Test
    void table_sizes_given_as_row_counts_make_a_table_large() {
        Classifier classifier = new Classifier(RuleBook.builtIn(), TableSizes.parse("widgets: 25_000_000\ngadgets: 12\n"));
        Classification c = classifier.classify("x.rb", (HEAD + "  def up\n    add_concurrent_index :widgets, :c\n  end\nend\n").getBytes(StandardCharsets.UTF_8));
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r.detail()).startsWith("large table: widgets"));
    }

    @Test
    void guarded_call_names_its_guard_in_the_reason_and_facts() {
        Classification c = classify("  def up\n    drop_table :t if Gitlab.com?\n  end");
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("only when Gitlab.com?"));
        assertThat(c.guards()).containsExactly("Gitlab.com?");
    }

    @Test
    void reports_ddl_transaction_milestone_and_content_hash() {
        Classification c = classify("  disable_ddl_transaction!\n  milestone '17.1'\n  def up; end");
        assertThat(c.isDdlTransactionDisabled()).isTrue();
        assertThat(c.milestone()).contains("17.1");
        assertThat(c.sha256()).hasSize(64);
        assertThat(c.version()).contains("20240101000000");
    }
}
