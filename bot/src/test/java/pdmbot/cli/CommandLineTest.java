package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, stdout and stderr (through Main.run, in this JVM). */
class CommandLineTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = temp.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(all);
    }

    @Test
    void say_help_exits_0_and_lists_the_commands() {
        assertThat(run("say", "help")).isZero();
        assertThat(out()).contains("pdm-bot commands").contains("migration explain <ref>");
    }

    @Test
    void say_an_unknown_command_exits_1_with_a_did_you_mean() {
        assertThat(run("say", "frobnicate")).isEqualTo(1);
        assertThat(out()).contains("Unknown command `frobnicate`").contains("Did you mean");
    }

    @Test
    void say_takes_the_command_as_one_argument_or_as_words() {
        assertThat(run("say", "help", "migration", "explain")).isZero();
        assertThat(out()).contains("usage:   `migration explain <ref>`");
    }

    @Test
    void piped_lines_are_answered_one_by_one_and_a_failure_makes_the_exit_code_1() {
        System.setIn(new ByteArrayInputStream("help\n\n# a comment\nmigration status nope\nexit\nhelp\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run()).isEqualTo(1);
        assertThat(out()).contains("pdm> help").contains("pdm> migration status nope").contains("No post-deploy migration matches");
        assertThat(out().split("pdm> ", -1)).hasSize(3);
    }

    @Test
    void a_configuration_with_an_unknown_key_stops_with_exit_2_naming_it() throws Exception {
        Path config = Files.writeString(temp.resolve("bad.yaml"), "store:\n  knd: h2\n");
        assertThat(run("--config", config.toString(), "say", "help")).isEqualTo(2);
        assertThat(err()).contains("unknown key 'store.knd' at line 2");
    }

    @Test
    void a_data_folder_that_cannot_be_created_stops_with_exit_2() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        assertThat(Main.run("--data", file.resolve("sub").toString(), "say", "help")).isEqualTo(2);
        assertThat(err()).contains("data folder").contains("--data");
    }

    @Test
    void a_damaged_store_is_reported_without_a_stack_trace() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.write(data.resolve("pdm-bot.mv.db"), "this is not an H2 database at all, just text".repeat(100).getBytes(StandardCharsets.UTF_8));
        assertThat(run("say", "help")).isEqualTo(2);
        assertThat(err()).contains("is not a pdm-bot store or is damaged").doesNotContain("\tat ");
    }

    @Test
    void classify_prints_one_tsv_line_per_file_and_exits_2_for_a_missing_path() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("post_migrate"));
        Files.writeString(dir.resolve("20231101100000_drop_old.rb"),
                "class DropOld < Gitlab::Database::Migration[2.2]\n  def up\n    drop_table :old_things\n  end\nend\n");
        Files.writeString(dir.resolve("20231101110000_nothing.rb"),
                "class Nothing < Gitlab::Database::Migration[2.2]\n  def up\n    # no-op\n  end\nend\n");
        assertThat(run("classify", "--format", "tsv", dir.toString())).isZero();
        String[] lines = out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0].split("\t")).hasSize(6).startsWith(dir.resolve("20231101100000_drop_old.rb").toString(),
                "20231101100000", "ddl_cleanup", "ddl_cleanup", "main,ci");
        assertThat(lines[1].split("\t")[2]).isEqualTo("noop");
        assertThat(run("classify", "--format", "tsv", temp.resolve("missing").toString(), dir.toString())).isEqualTo(2);
        assertThat(err()).contains("no such file or directory");
    }

    @Test
    void version_and_help_work() {
        assertThat(Main.run("--version")).isZero();
        assertThat(out()).contains("pdm-bot");
        assertThat(Main.run("--help")).isZero();
        assertThat(out()).contains("say").contains("serve").contains("classify").contains("bench");
    }

    @Test
    void say_exits_1_when_the_run_it_started_fails_and_0_for_a_query_beside_it() {
        assertThat(run("say", "demo fail next qa")).isZero();
        assertThat(run("say", "pdm execute --confirm")).isEqualTo(1);
        assertThat(out()).contains("PDM run #1 failed");
        assertThat(run("say", "pdm status")).isZero();
        assertThat(run("say", "demo fail clear")).isZero();
        assertThat(run("say", "pdm retry 1 --confirm")).isZero();
        assertThat(run("say", "pdm run 1")).isZero();
        assertThat(out()).contains("PDM run #1 — succeeded");
    }

    @Test
    void a_repo_that_is_not_git_stops_with_exit_2_naming_it() {
        assertThat(run("--repo", temp.toString(), "say", "help")).isEqualTo(2);
        assertThat(err()).contains("is not a git repository");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("say pdm execute --dry-run, unquoted: the words after say are the command (issue 10, item 7)")
    void the_words_after_say_are_the_command_even_unquoted_with_its_options() {
        assertThat(run("say", "pdm", "execute", "--dry-run")).isZero();
        assertThat(out()).contains("Dry run: production checks and what would run");
        assertThat(err()).doesNotContain("Unknown option");
    }
}
