package pdmbot.rules.classify;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleBookTest {

    private static final String EXTRA = """
            package pdmbot.rules.extra;

            import pdmbot.rules.source.Call;
            import pdmbot.rules.classify.Reason;
            import pdmbot.rules.classify.Nature;

            rule "renaming a table is ddl_cleanup (site rule)"
            when
                $c : Call( runs == true, method == "custom_cleanup_helper" )
            then
                insertLogical( new Reason( drools.getRule().getName(), Nature.DDL_CLEANUP, $c.line(), "site helper" ) );
            end
            """;

    private static final String BROKEN = """
            package pdmbot.rules.extra;

            rule "oops"
            when
                Call( method == )
            then
            end
            """;

    private static final byte[] USES_SITE_HELPER = ("class A < Gitlab::Database::Migration[2.2]\n  def up\n    custom_cleanup_helper :t\n  end\nend\n")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void built_in_rules_are_listed_by_file() {
        RuleBook book = RuleBook.builtIn();
        assertThat(book.rules()).containsOnlyKeys(RuleBook.BUILT_IN);
        assertThat(book.rules().get(RuleBook.BUILT_IN)).contains("building an index is large_index_or_fk").doesNotContain("reasons");
    }

    @Test
    void extra_rules_load_after_the_built_in_ones_and_classify(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.drl"), EXTRA);
        RuleBook book = RuleBook.withExtras(dir);

        assertThat(book.rules()).containsKey(dir.resolve("site.drl").toString());
        Classification c = new Classifier(book, TableSizes.none()).classify("a.rb", USES_SITE_HELPER);
        assertThat(c.dominant()).isEqualTo(Nature.DDL_CLEANUP);
    }

    @Test
    void reload_refuses_a_drl_with_a_syntax_error_names_file_and_line_and_keeps_the_old_rules(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.drl"), EXTRA);
        RuleBook book = RuleBook.withExtras(dir);
        Classifier classifier = new Classifier(book, TableSizes.none());
        Files.writeString(dir.resolve("zz-broken.drl"), BROKEN);

        ReloadResult result = book.reload();

        assertThat(result).isInstanceOf(ReloadResult.Refused.class);
        ReloadResult.Refused refused = (ReloadResult.Refused) result;
        assertThat(refused.errors()).anySatisfy(e -> {
            assertThat(e.file()).endsWith("zz-broken.drl");
            assertThat(e.line()).isEqualTo(5);
        });
        assertThat(refused.describe()).contains("zz-broken.drl:5");
        assertThat(classifier.classify("a.rb", USES_SITE_HELPER).dominant()).isEqualTo(Nature.DDL_CLEANUP);
    }

    @Test
    void reload_after_the_fix_loads_the_new_rules(@TempDir Path dir) throws Exception {
        RuleBook book = RuleBook.withExtras(dir);
        assertThat(book.rules()).containsOnlyKeys(RuleBook.BUILT_IN);
        Files.writeString(dir.resolve("broken.drl"), BROKEN);
        assertThat(book.reload()).isInstanceOf(ReloadResult.Refused.class);
        Files.writeString(dir.resolve("broken.drl"), EXTRA);

        ReloadResult result = book.reload();

        assertThat(result).isInstanceOf(ReloadResult.Loaded.class);
        assertThat(book.rules()).containsKey(dir.resolve("broken.drl").toString());
    }

    @Test
    void a_missing_rules_folder_is_refused_with_its_name(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> RuleBook.withExtras(dir.resolve("nope")))
                .isInstanceOf(UnableToCompileRulesException.class).hasMessageContaining("nope");
        Path folder = Files.createDirectories(dir.resolve("gone"));
        RuleBook book = RuleBook.withExtras(folder);
        Files.delete(folder);
        assertThat(book.reload()).isInstanceOfSatisfying(ReloadResult.Refused.class,
                r -> assertThat(r.describe()).contains("gone"));
    }

    @Test
    @DisplayName("issue 10: a broken .drl in the folder makes no rule book at all, naming file and line, not a silent fallback")
    void a_folder_with_a_broken_drl_beside_a_valid_one_is_refused_as_a_whole_naming_file_and_line(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.drl"), EXTRA);
        Files.writeString(dir.resolve("zz-broken.drl"), BROKEN);

        assertThatThrownBy(() -> RuleBook.withExtras(dir))
                .isInstanceOfSatisfying(UnableToCompileRulesException.class, e -> {
                    assertThat(e.getMessage()).contains("zz-broken.drl:5:").doesNotContain("site.drl:").doesNotContain("null Package");
                    assertThat(e.refused().errors()).allSatisfy(err -> assertThat(err.file()).endsWith("zz-broken.drl"));
                });
    }

    @Test
    void every_reload_is_one_new_value_with_the_fingerprint_of_what_it_compiled(@TempDir Path dir) throws Exception {
        RuleBook book = RuleBook.withExtras(dir);
        CompiledRules before = book.current();
        Files.writeString(dir.resolve("site.drl"), EXTRA);

        book.reload();

        CompiledRules after = book.current();
        assertThat(after).isNotSameAs(before);
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(before.rulesByFile()).containsOnlyKeys(RuleBook.BUILT_IN);
        assertThat(new Classifier(before, TableSizes.none()).classify("a.rb", USES_SITE_HELPER).dominant()).isNotEqualTo(Nature.DDL_CLEANUP);
        assertThat(new Classifier(after, TableSizes.none()).classify("a.rb", USES_SITE_HELPER).dominant()).isEqualTo(Nature.DDL_CLEANUP);
        Files.delete(dir.resolve("site.drl"));
        book.reload();
        assertThat(book.current().fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void a_rule_that_fails_at_run_time_makes_that_file_unknown_and_the_next_file_still_classifies(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("throws.drl"), """
                package pdmbot.rules.extra;
                import pdmbot.rules.source.Call;
                rule "a rule that throws"
                when
                    Call( method == "custom_cleanup_helper" )
                then
                    throw new IllegalStateException("boom");
                end
                """);
        Classifier classifier = new Classifier(RuleBook.withExtras(dir), TableSizes.none());
        byte[] fine = "class B < Gitlab::Database::Migration[2.2]\n  def up\n    drop_table :t\n  end\nend\n".getBytes(StandardCharsets.UTF_8);

        var results = classifier.classifyAll(java.util.List.of(new Classifier.MigrationFile("a.rb", USES_SITE_HELPER),
                new Classifier.MigrationFile("b.rb", fine)));

        assertThat(results.get(0).dominant()).isEqualTo(Nature.UNKNOWN);
        assertThat(results.get(0).problems()).anySatisfy(p -> assertThat(p.why()).startsWith("rules failed"));
        assertThat(results.get(1).dominant()).isEqualTo(Nature.DDL_CLEANUP);
    }
}
