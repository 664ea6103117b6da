package pdmbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The say relay in one JVM: what it streams back, whom it refuses, what it leaves behind. */
class SayRelayTest {

    @TempDir
    Path data;

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private SayRelayServer.Answerer answerer() {
        return (command, printer) -> {
            ran.add(command);
            printer.println("first line of " + command);
            printer.print("a last line without a newline");
            return 1;
        };
    }

    private OptionalInt relay(String command) {
        return SayRelayClient.relay(data, command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void the_reply_lines_and_the_exit_code_come_back_from_the_holding_process() {
        try (SayRelayServer relayServer = SayRelayServer.open(data, answerer())) {
            assertThat(relayServer).as("the holding process listens").isNotNull();
            assertThat(relay("pdm status")).hasValue(1);
        }
        assertThat(ran).containsExactly("pdm status");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "first line of pdm status" + System.lineSeparator() + "a last line without a newline" + System.lineSeparator());
    }

    @Test
    void the_endpoint_file_is_readable_by_its_owner_only_and_removed_on_close() throws Exception {
        Path file = data.resolve(SayRelay.ENDPOINT_FILE);
        try (SayRelayServer relayServer = SayRelayServer.open(data, answerer())) {
            assertThat(relayServer).as("the holding process listens").isNotNull();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(file).doesNotExist();
        assertThat(relay("pdm status")).as("nobody to relay to: say opens the store itself").isEmpty();
    }

    @Test
    void a_request_without_the_token_is_refused_and_runs_nothing() throws Exception {
        try (SayRelayServer relayServer = SayRelayServer.open(data, answerer())) {
            assertThat(relayServer).as("the holding process listens").isNotNull();
            SayRelay.Endpoint real = SayRelay.Endpoint.in(data).orElseThrow();
            new SayRelay.Endpoint(real.pid(), real.port(), "0".repeat(64)).writeTo(data);

            assertThat(relay("pdm execute --confirm")).hasValue(2);
        }
        assertThat(ran).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused the request (wrong token)");
    }

    @Test
    void an_endpoint_naming_another_process_is_not_trusted() throws Exception {
        try (SayRelayServer relayServer = SayRelayServer.open(data, answerer())) {
            assertThat(relayServer).as("the holding process listens").isNotNull();
            SayRelay.Endpoint real = SayRelay.Endpoint.in(data).orElseThrow();
            new SayRelay.Endpoint(real.pid() + 1, real.port(), real.token()).writeTo(data);

            assertThat(relay("pdm status")).isEmpty();
        }
        assertThat(ran).isEmpty();
    }
}
