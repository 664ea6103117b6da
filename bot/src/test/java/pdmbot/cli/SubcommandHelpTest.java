package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10, item 8: {@code --help} and {@code --version} on every subcommand and on the console, exit 0. */
class SubcommandHelpTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"say", "serve", "classify", "bench", "console"})
    void every_subcommand_prints_its_usage_for_help_and_exits_0(String subcommand) {
        try (CapturedRun cli = new CapturedRun()) {
            assertThat(cli.run("--data", temp.toString(), subcommand, "--help")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Usage: pdm-bot " + subcommand).contains("--version");
            assertThat(temp).isEmptyDirectory();
        }
    }

    @ParameterizedTest(name = "{0} --version")
    @ValueSource(strings = {"say", "serve", "classify", "bench", "console"})
    void every_subcommand_prints_the_version_and_exits_0(String subcommand) {
        try (CapturedRun cli = new CapturedRun()) {
            assertThat(cli.run("--data", temp.toString(), subcommand, "--version")).as(cli.err()).isZero();
            assertThat(cli.out()).startsWith("pdm-bot ");
            assertThat(temp).isEmptyDirectory();
        }
    }

    @ParameterizedTest(name = "pdm-bot {0}")
    @ValueSource(strings = {"--help", "-h", "--version", "-V"})
    void the_console_itself_answers_help_and_version_with_exit_0(String option) {
        try (CapturedRun cli = new CapturedRun()) {
            assertThat(cli.run("--data", temp.toString(), option)).isZero();
            assertThat(cli.out()).contains("pdm-bot");
            assertThat(temp).isEmptyDirectory();
        }
    }
}
