package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.testing.GitFixture;

/** Issue 10, item 3: the rules of {@code rules.folder} are all or nothing at start, through Main as a user runs it. */
class RulesFolderAtStartTest {

    static final String SITE_RULE = """
            package pdmbot.rules.site;

            import pdmbot.rules.source.Call;
            import pdmbot.rules.classify.Reason;
            import pdmbot.rules.classify.Nature;

            rule "the site's purge helper is ddl_cleanup"
            when
                $c : Call( runs == true, method == "purge_legacy_tables" )
            then
                insertLogical( new Reason( drools.getRule().getName(), Nature.DDL_CLEANUP, $c.line(), "site helper" ) );
            end
            """;

    static final String BROKEN_RULE = "package pdmbot.rules.site;\n\nrule \"oops\"\nwhen\n    Call( method == )\nthen\nend\n";

    @TempDir
    Path temp;
    Path rules;
    Path config;
    GitFixture repo;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void setUp() throws Exception {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        rules = Files.createDirectories(temp.resolve("rules"));
        config = Files.writeString(temp.resolve("pdm-bot.yaml"), "rules:\n  folder: " + rules + "\n");
        repo = GitFixture.init(temp.resolve("repo"));
        repo.write("db/post_migrate/20231101110000_purge_legacy.rb", GitFixture.migration("PurgeLegacy", null, "purge_legacy_tables :x"));
        repo.tagPackage("16.6", "202311010100", repo.commit("A migration", "Ada Lovelace", 5));
    }

    @AfterEach
    void tearDown() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        repo.close();
    }

    private int run(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "--config";
        all[1] = config.toString();
        all[2] = "--data";
        all[3] = temp.resolve("data").toString();
        all[4] = "--repo";
        all[5] = repo.root().toString();
        System.arraycopy(args, 0, all, 6, args.length);
        return Main.run(all);
    }

    @Test
    @DisplayName("issue 10: a .drl that does not compile stops the start with exit 2 and file:line, the valid file beside it does not hide it")
    void a_drl_that_does_not_compile_stops_the_start_with_exit_2_naming_file_and_line() throws Exception {
        Files.writeString(rules.resolve("site.drl"), SITE_RULE);
        Files.writeString(rules.resolve("zz-broken.drl"), BROKEN_RULE);

        assertThat(run("say", "help")).isEqualTo(2);

        assertThat(err()).contains("rules.folder").contains(rules.resolve("zz-broken.drl") + ":5:")
                .contains("nothing was started").doesNotContain("\tat ");
        assertThat(out()).doesNotContain("pdm-bot commands");
    }

    @Test
    void valid_site_rules_are_loaded_at_start_and_decide() throws Exception {
        Files.writeString(rules.resolve("site.drl"), SITE_RULE);

        assertThat(run("say", "rules list")).isZero();
        assertThat(out()).contains("site.drl").contains("the site's purge helper is ddl_cleanup");
        assertThat(run("say", "migration explain PurgeLegacy")).isZero();
        assertThat(out()).contains("*ddl_cleanup*");
    }

    @Test
    void classify_with_a_rules_folder_that_does_not_compile_classifies_nothing_and_exits_2() throws Exception {
        Files.writeString(rules.resolve("zz-broken.drl"), BROKEN_RULE);
        Path file = Files.writeString(temp.resolve("20231101100000_drop_old.rb"),
                "class DropOld < Gitlab::Database::Migration[2.2]\n  def up\n    drop_table :old_things\n  end\nend\n");

        assertThat(run("classify", "--format", "tsv", file.toString())).isEqualTo(2);

        assertThat(err()).contains(rules.resolve("zz-broken.drl") + ":5:");
        assertThat(out()).doesNotContain("ddl_cleanup");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
