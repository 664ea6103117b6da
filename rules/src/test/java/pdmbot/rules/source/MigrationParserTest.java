package pdmbot.rules.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationParserTest {

    private static MigrationSource parse(String body) {
        return MigrationParser.parse("class Example < Gitlab::Database::Migration[2.2]\n" + body + "\nend\n");
    }

    private static List<Call> running(MigrationSource s, String method) {
        return s.calls().stream().filter(c -> c.runs() && c.method().equals(method)).toList();
    }

    @Test
    void reads_class_name_and_superclass() {
        MigrationSource s = MigrationParser.parse("class AddFoo < ActiveRecord::Migration[6.0]\n  def up; end\nend\n");
        assertThat(s.className()).isEqualTo("AddFoo");
        assertThat(s.superclass()).isEqualTo("ActiveRecord::Migration[6.0]");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void reads_class_level_declarations_with_lines() {
        MigrationSource s = parse("  disable_ddl_transaction!\n  restrict_gitlab_migration gitlab_schema: :gitlab_ci\n  milestone '16.6'\n  enable_lock_retries!\n  def up; end");
        assertThat(s.declarations()).containsExactly(
                new Declaration(Declaration.DDL_TRANSACTION_DISABLED, "", 2),
                new Declaration(Declaration.RESTRICT, "gitlab_ci", 3),
                new Declaration(Declaration.MILESTONE, "16.6", 4),
                new Declaration(Declaration.LOCK_RETRIES, "", 5));
    }

    @Test
    void resolves_constants_used_as_helper_arguments() {
        MigrationSource s = parse("  TABLE_NAME = :ci_builds\n  INDEX_NAME = 'idx_x'\n  def up\n    add_concurrent_index TABLE_NAME, :x, name: INDEX_NAME\n  end");
        Call c = running(s, "add_concurrent_index").get(0);
        assertThat(c.table()).isEqualTo("ci_builds");
        assertThat(c.names()).containsExactly("x");
        assertThat(c.option("name")).isEqualTo("idx_x");
        assertThat(c.line()).isEqualTo(5);
    }

    @Test
    void keeps_options_such_as_validate_false_and_algorithm() {
        MigrationSource s = parse("  def up\n    add_concurrent_foreign_key(:a, :b, column: :b_id, validate: false)\n    add_index :a, :c, algorithm: :concurrently\n  end");
        assertThat(running(s, "add_concurrent_foreign_key").get(0).notValidated()).isTrue();
        assertThat(running(s, "add_index").get(0).option("algorithm")).isEqualTo("concurrently");
    }

    @Test
    void comments_and_strings_are_never_calls() {
        MigrationSource s = parse("  # remove_column :a, :b\n  def up\n    say 'drop_table :users' # update_all\n    x = \"delete_all #{1}\"\n  end");
        assertThat(s.calls()).extracting(Call::method).doesNotContain("remove_column", "drop_table", "update_all", "delete_all");
    }

    @Test
    void down_calls_are_read_but_do_not_run() {
        MigrationSource s = parse("  def up\n    remove_column :a, :b\n  end\n  def down\n    add_column :a, :b, :text\n  end");
        assertThat(s.calls()).filteredOn(c -> c.method().equals("add_column")).singleElement().extracting(Call::runs).isEqualTo(false);
        assertThat(running(s, "remove_column")).hasSize(1);
    }

    @Test
    void private_methods_called_from_up_run_transitively() {
        MigrationSource s = parse("  def up\n    first\n  end\n  private\n  def first\n    second\n  end\n  def second\n    drop_table :old\n  end\n  def unused\n    drop_table :other\n  end");
        assertThat(running(s, "drop_table")).extracting(Call::table).containsExactly("old");
    }

    @Test
    void heredoc_sql_gives_verb_and_target() {
        MigrationSource s = parse("  def up\n    execute <<~SQL\n      CREATE INDEX CONCURRENTLY idx ON ci_builds (a);\n      UPDATE projects SET a = 1;\n    SQL\n  end");
        assertThat(s.sql()).extracting(SqlStatement::verb, SqlStatement::target, SqlStatement::concurrently)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREATE INDEX", "ci_builds", true),
                        org.assertj.core.groups.Tuple.tuple("UPDATE", "projects", false));
    }

    @Test
    void several_heredocs_on_one_line_are_read_in_order() {
        MigrationSource s = parse("  def up\n    execute(<<~A + <<-B)\n      DELETE FROM a;\n    A\n      DROP TABLE b\n      B\n    remove_column :c, :d\n  end");
        assertThat(s.sql()).extracting(SqlStatement::verb).containsExactly("DELETE", "DROP TABLE");
        assertThat(running(s, "remove_column").get(0).line()).isEqualTo(8);
    }

    @Test
    void plain_heredoc_and_sql_held_in_a_constant_are_read() {
        MigrationSource s = parse("  QUERY = <<SQL\nALTER TABLE notes ADD CONSTRAINT c CHECK (x) NOT VALID\nSQL\n  def up\n    connection.execute(QUERY)\n  end");
        assertThat(s.sql()).extracting(SqlStatement::verb).containsExactly("ADD CONSTRAINT NOT VALID");
    }

    @Test
    void percent_literals_numbers_and_durations_tokenise() {
        MigrationSource s = parse("  COLS = %i[a b]\n  NAMES = %w(x y)\n  BATCH = 1_000\n  DELAY = 2.minutes\n  def up\n    add_concurrent_index :t, COLS, name: NAMES.first\n    queue_batched_background_migration('M', :t, :id, batch_size: BATCH, job_interval: DELAY)\n  end");
        assertThat(running(s, "add_concurrent_index").get(0).names()).containsExactly("a", "b");
        assertThat(running(s, "queue_batched_background_migration").get(0).option("batch_size")).isEqualTo("1000");
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void inline_models_give_their_table_to_model_calls() {
        MigrationSource s = parse("  class Build < MigrationRecord\n    self.table_name = 'ci_builds'\n  end\n  def up\n    Build.where(a: 1).each_batch(of: 10) do |batch|\n      batch.update_all(b: 2)\n    end\n  end");
        assertThat(s.models()).containsExactly(new InlineModel("Build", "ci_builds", 2));
        Call update = running(s, "update_all").get(0);
        assertThat(update.table()).isEqualTo("ci_builds");
        assertThat(update.inBatch()).isTrue();
    }

    @Test
    void empty_and_comment_only_up_have_no_statements() {
        assertThat(parse("  def up\n    # no-op\n  end").body()).hasValueSatisfying(b -> assertThat(b.isEmpty()).isTrue());
        assertThat(parse("  def up; end").body()).hasValueSatisfying(b -> assertThat(b.method()).isEqualTo("up"));
    }

    @Test
    void environment_guards_are_facts_and_mark_the_calls_they_guard() {
        MigrationSource s = parse("  def up\n    return unless Gitlab.com?\n\n    drop_table :a\n    remove_column :b, :c if Gitlab.ee?\n  end");
        assertThat(running(s, "drop_table").get(0).guard()).isEqualTo("Gitlab.com?");
        assertThat(running(s, "remove_column").get(0).guard()).isEqualTo("Gitlab.ee?");
        assertThat(s.declarations()).extracting(Declaration::kind).contains(Declaration.GUARD);
    }

    @Test
    void lock_retries_and_statement_timeout_are_facts() {
        MigrationSource s = parse("  def up\n    with_lock_retries do\n      remove_column :a, :b\n    end\n    disable_statement_timeout do\n      execute 'VACUUM a'\n    end\n  end");
        assertThat(s.declarations()).extracting(Declaration::kind)
                .contains(Declaration.WITH_LOCK_RETRIES, Declaration.STATEMENT_TIMEOUT_DISABLED);
        assertThat(running(s, "remove_column")).hasSize(1);
    }

    @Test
    void begin_rescue_ensure_unless_case_and_ternary_parse_without_problems() {
        MigrationSource s = parse("  def up\n    x = a ? b : c\n    begin\n      drop_table :t\n    rescue StandardError => e\n      say e\n    ensure\n      say 'x'\n    end\n    unless y\n      z\n    else\n      w\n    end\n    case q\n    when 1 then r\n    else s\n    end\n  end");
        assertThat(s.problems()).isEmpty();
        assertThat(running(s, "drop_table")).hasSize(1);
    }

    @Test
    void calls_with_and_without_parentheses_and_braces_blocks_are_read() {
        MigrationSource s = parse("  def up\n    items.each { |i| remove_column(:t, i) }\n    add_concurrent_index(:t,\n      :c,\n      name: 'n')\n  end");
        assertThat(running(s, "remove_column")).hasSize(1);
        assertThat(running(s, "add_concurrent_index").get(0).option("name")).isEqualTo("n");
    }

    @Test
    void a_file_without_a_migration_class_is_a_problem() {
        MigrationSource s = MigrationParser.parse("module Gitlab\n  class Helper\n    def x; end\n  end\nend\n");
        assertThat(s.problems()).extracting(ParseProblem::why).anyMatch(w -> w.startsWith("no migration class"));
    }

    @Test
    void unbalanced_end_is_a_problem_with_a_line() {
        MigrationSource s = MigrationParser.parse("class A < Gitlab::Database::Migration[2.2]\n  def up\n    drop_table :a\n  end\nend\nend\n");
        assertThat(s.problems()).extracting(ParseProblem::line).contains(6);
        assertThat(s.calls()).extracting(Call::method).contains("drop_table");
    }

    @Test
    void missing_end_is_a_problem_naming_the_opener() {
        MigrationSource s = MigrationParser.parse("class A < Gitlab::Database::Migration[2.2]\n  def up\n    items.each do |i|\n      drop_table i\n  end\nend\n");
        assertThat(s.problems()).isNotEmpty();
    }

    @Test
    void regular_expressions_and_division_both_tokenise() {
        MigrationSource s = parse("  def up\n    names = tables.grep(/^ci_/)\n    half = total / 2\n    drop_table :t if name =~ /tmp_\\d+/\n  end");
        assertThat(s.problems()).isEmpty();
        assertThat(running(s, "drop_table")).hasSize(1);
    }
}
