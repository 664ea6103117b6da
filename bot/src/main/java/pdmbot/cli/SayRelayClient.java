package pdmbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code say}'s side of the relay: hands the command to the process that holds the data folder's store, when one
 * answers there, and prints what it streams back. No answer before the command is sent means no such process: say
 * then opens the store itself.
 */
final class SayRelayClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_MILLIS = 2_000;
    private static final int GREETING_MILLIS = 5_000;
    /** The server sends a line at least every 5 s while it works; this much silence means it is gone. */
    private static final int SILENCE_MILLIS = 30_000;

    private SayRelayClient() {
    }

    /** The exit code of the command as run by the holding process, or empty when no process answers. */
    static OptionalInt relay(Path dataDir, String command, PrintStream out, PrintStream err) {
        Optional<SayRelay.Endpoint> found = SayRelay.Endpoint.in(dataDir);
        if (found.isEmpty()) return OptionalInt.empty();
        SayRelay.Endpoint endpoint = found.get();
        try (Socket socket = new Socket()) {
            BufferedReader in;
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()), CONNECT_MILLIS);
                socket.setSoTimeout(GREETING_MILLIS);
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                // a file left by a killed process may name a port another program listens on now
                if (!endpoint.greeting().equals(in.readLine())) return OptionalInt.empty();
                String request = JSON.writeValueAsString(Map.of("token", endpoint.token(), "command", command));
                socket.getOutputStream().write((request + "\n").getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(answer(in, socket, endpoint, out, err));
        } catch (IOException e) {
            return OptionalInt.of(lost(endpoint, err));
        }
    }

    /** Tries {@link #relay} until {@code patience} has passed: the holding process may still be starting. */
    static OptionalInt relayWhenReady(Path dataDir, String command, PrintStream out, PrintStream err, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            OptionalInt relayed = relay(dataDir, command, out, err);
            if (relayed.isPresent() || System.nanoTime() > deadline) return relayed;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalInt.empty();
            }
        }
    }

    private static int answer(BufferedReader in, Socket socket, SayRelay.Endpoint endpoint, PrintStream out, PrintStream err)
            throws IOException {
        socket.setSoTimeout(SILENCE_MILLIS);
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(SayRelay.OUTPUT)) {
                    out.println(line.substring(SayRelay.OUTPUT.length()));
                } else if (line.startsWith(SayRelay.EXIT)) {
                    out.flush();
                    return Integer.parseInt(line.substring(SayRelay.EXIT.length()).trim());
                } else if (line.startsWith(SayRelay.REFUSED)) {
                    err.println("pdm-bot: " + line.substring(SayRelay.REFUSED.length()));
                    return 2;
                }
                // STILL_WORKING, or a line of a later protocol version: nothing to print
            }
        } catch (SocketTimeoutException | NumberFormatException e) {
            return lost(endpoint, err);
        }
        return lost(endpoint, err);
    }

    private static int lost(SayRelay.Endpoint endpoint, PrintStream err) {
        err.println("pdm-bot: the pdm-bot process " + endpoint.pid() + " that holds the store stopped answering before"
                + " the command finished; it may have run: `pdm-bot say \"pdm runs\"` and its log say what happened");
        return 3;
    }
}
