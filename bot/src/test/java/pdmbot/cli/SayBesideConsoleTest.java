package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 6: a console open in one process and {@code say} in another on the same data folder both work:
 * {@code say} hands its command to the process that holds the store, which runs it (one owner for runs and for the
 * demo world's state) and streams the reply back. The console here is a real child JVM reading a pipe.
 */
class SayBesideConsoleTest {

    @TempDir
    Path data;

    @Test
    @Timeout(120)
    void say_is_answered_by_the_console_that_holds_the_store_and_both_see_the_same_state() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process console = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data", data.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> consoleSaid = new ArrayList<>();
        try (OutputStream stdin = console.getOutputStream();
             BufferedReader stdout = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8))) {
            type(stdin, "help");
            readUntil(stdout, consoleSaid, "pdm> help"); // the console answers lines only once say can reach it

            try (CapturedRun cli = new CapturedRun()) {
                assertThat(cli.run("--data", data.toString(), "say", "pdm lock gstg from another terminal")).as(cli.err()).isZero();
                assertThat(cli.out()).contains("gstg is now locked by");
                type(stdin, "pdm status");
                readUntil(stdout, consoleSaid, " is locked");
                assertThat(consoleSaid.get(consoleSaid.size() - 1)).as("the console sees the lock made through say")
                        .contains("gstg is locked by").contains("from another terminal");
                cli.clear();
                assertThat(cli.run("--data", data.toString(), "say", "frobnicate")).isEqualTo(1);
                assertThat(cli.out()).contains("Unknown command `frobnicate`");
                cli.clear();
                assertThat(cli.run("--data", data.toString(), "say", "pdm unlock gstg --confirm")).as(cli.err()).isZero();
                assertThat(cli.run("--data", data.toString(), "say", "pdm execute --confirm")).as(cli.err()).isZero();
                assertThat(cli.out()).contains("PDM run #1 started by");
            }

            type(stdin, "pdm run 1");
            readUntil(stdout, consoleSaid, "PDM run #1 — ");
            assertThat(consoleSaid).as("the run was driven and announced by the console's process")
                    .anySatisfy(line -> assertThat(line).startsWith("[announcement] PDM run #1 started by"));
            type(stdin, "exit");
        } finally {
            if (!console.waitFor(30, TimeUnit.SECONDS)) console.destroyForcibly();
        }
        assertThat(console.exitValue()).isZero();
        assertThat(data.resolve(SayRelay.ENDPOINT_FILE)).as("removed when the console ends").doesNotExist();
    }

    @Test
    void an_endpoint_left_behind_by_a_killed_process_is_ignored_and_say_opens_the_store_itself() throws Exception {
        int deadPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = gone.getLocalPort();
        }
        Files.writeString(data.resolve(SayRelay.ENDPOINT_FILE), "pid=999999999\nport=" + deadPort + "\ntoken=00\n");

        try (CapturedRun cli = new CapturedRun()) {
            assertThat(cli.run("--data", data.toString(), "say", "pdm runs")).as(cli.err()).isZero();
            assertThat(cli.out()).contains("No PDM run yet");
        }
    }

    private static void type(OutputStream stdin, String line) throws Exception {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static void readUntil(BufferedReader stdout, List<String> seen, String marker) throws Exception {
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            seen.add(line);
            if (line.contains(marker)) return;
        }
        throw new AssertionError("the console ended before printing \"" + marker + "\": " + seen);
    }
}
