package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 9: a startup problem is one line naming the thing, and exit 2. */
class StartupErrorsTest {

    @TempDir
    Path temp;

    @Test
    void serve_on_a_busy_port_names_the_address_and_the_port_and_exits_2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             CapturedRun cli = new CapturedRun()) {
            int port = taken.getLocalPort();

            int exit = cli.run(Map.of("PDM_HTTP_PORT", Integer.toString(port)), "--data", temp.toString(), "serve");

            assertThat(exit).as(cli.err()).isEqualTo(2);
            assertThat(cli.err()).isEqualTo("pdm-bot: cannot listen on 127.0.0.1:" + port + ": the port is already in use"
                    + " (another pdm-bot serve, or another program): stop it, or choose another port with http.port"
                    + " (PDM_HTTP_PORT)" + System.lineSeparator());
        }
    }

    @Test
    void a_zero_byte_store_file_stops_say_with_exit_2_and_is_kept() throws Exception {
        Path store = Files.createFile(temp.resolve("pdm-bot.mv.db"));
        try (CapturedRun cli = new CapturedRun()) {
            assertThat(cli.run("--data", temp.toString(), "say", "pdm runs")).isEqualTo(2);
            assertThat(cli.err()).contains(store + " is not a pdm-bot store or is damaged (it is empty: 0 bytes)");
        }
        assertThat(store).isEmptyFile();
    }

    @Test
    void a_bad_port_in_the_environment_speaks_the_configuration_s_words() {
        try (CapturedRun cli = new CapturedRun()) {
            assertThat(cli.run(Map.of("PDM_HTTP_PORT", "abc"), "--data", temp.toString(), "say", "help")).isEqualTo(2);
            assertThat(cli.err()).contains("PDM_HTTP_PORT: bad value for 'http.port': expected a whole number, got \"abc\"")
                    .doesNotContain("java.");
        }
    }

    @Test
    void a_misspelt_pdm_variable_is_warned_about_once_on_stderr_and_the_command_still_runs() {
        try (CapturedRun cli = new CapturedRun()) {
            assertThat(cli.run(Map.of("PDM_STORE_KND", "postgres"), "--data", temp.toString(), "say", "help")).isZero();
            assertThat(cli.err()).isEqualTo("pdm-bot: warning: the environment variable PDM_STORE_KND is not a pdm-bot"
                    + " setting and is ignored: did you mean PDM_STORE_KIND (store.kind)?" + System.lineSeparator());
            assertThat(cli.out()).contains("pdm-bot commands");
        }
    }
}
