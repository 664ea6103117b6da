package pdmbot.serve;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import pdmbot.adapters.slack.SlackAdapter;
import pdmbot.adapters.slack.SlackSignatureCheck;
import pdmbot.chat.ChatCore;
import pdmbot.chat.interaction.Interactions;
import pdmbot.http.HttpLimits;
import pdmbot.http.HttpServer;

/**
 * {@code bench http}: the served bot under a slowloris crowd. Holds {@code connections} slow clients on loopback
 * (half send a request line and a header then go silent, half drip one header line every 2 s; whichever the server
 * closes is reopened at once) for {@code duration}, while measuring {@code /healthz} and signed {@code /pdm}
 * requests one after another. Prints JSON lines; asserts nothing.
 */
public final class HttpBench {

    private static final String SECRET = "bench-signing-secret";

    private HttpBench() {
    }

    public static void run(PrintStream out, ChatCore core, Interactions interactions, int connections, Duration duration)
            throws Exception {
        Map<String, CompletableFuture<Long>> replies = new ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer stub = ChatBench.slackStub(replies);
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + stub.getAddress().getPort() + "/api/");
        Clock clock = Clock.systemUTC();
        SlackAdapter slack = new SlackAdapter(new SlackAdapter.Settings(SECRET, "xoxb-bench", null, "bench", null),
                Slack.getInstance(slackConfig), core::handle, interactions, clock);
        SlackSignatureCheck signer = new SlackSignatureCheck(SECRET, clock);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, HttpLimits.DEFAULTS,
                Map.of("/slack/events", slack.endpoint()), List.of())) {
            Socket[] crowd = new Socket[connections];
            int[] reopened = {0};
            for (int i = 0; i < connections; i++) crowd[i] = open(server, i);
            List<Long> health = new ArrayList<>();
            List<Long> commands = new ArrayList<>();
            int errors = 0;
            long started = System.nanoTime();
            long end = started + duration.toNanos();
            long nextDrip = started;
            int line = 0;
            String stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
            for (int n = 0; System.nanoTime() < end; n++) {
                if (System.nanoTime() >= nextDrip) {
                    for (int i = 0; i < connections; i++) {
                        boolean dripper = i % 2 == 1;
                        if (crowd[i].isClosed() || (dripper && !write(crowd[i], "X-Drip-" + line + ": 1\r\n"))
                                || (!dripper && isClosedByPeer(crowd[i]))) {
                            close(crowd[i]);
                            crowd[i] = open(server, i);
                            reopened[0]++;
                        }
                    }
                    line++;
                    nextDrip += Duration.ofSeconds(2).toNanos();
                }
                long t = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/healthz"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) errors++;
                    health.add(System.nanoTime() - t);
                } catch (IOException e) {
                    errors++;
                }
                String channel = "CH" + run + "x" + n;
                String body = ChatBench.form(Map.of("command", "/pdm", "text", "help", "team_id", "TBENCH", "channel_id", channel,
                        "user_id", "UBENCH", "user_name", "bench", "response_url", stubUrl + "/respond/" + channel, "trigger_id", channel));
                String ts = Long.toString(System.currentTimeMillis() / 1000);
                t = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/slack/events"))
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signer.sign(ts, body))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) errors++;
                    commands.add(System.nanoTime() - t);
                } catch (IOException e) {
                    errors++;
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(String.format(Locale.ROOT, "{\"bench\":\"http\",\"slow_connections\":%d,\"seconds\":%.0f,\"reopened\":%d,"
                            + "\"errors\":%d,\"healthz_requests\":%d,\"healthz_p50_ms\":%.2f,\"healthz_p99_ms\":%.2f}",
                    connections, seconds, reopened[0], errors, health.size(), ChatBench.ms(health, 50), ChatBench.ms(health, 99)));
            out.println(String.format(Locale.ROOT, "{\"bench\":\"http\",\"slow_connections\":%d,\"seconds\":%.0f,"
                            + "\"slash_command_requests\":%d,\"slash_command_ack_p50_ms\":%.2f,\"slash_command_ack_p99_ms\":%.2f}",
                    connections, seconds, commands.size(), ChatBench.ms(commands, 50), ChatBench.ms(commands, 99)));
            for (Socket s : crowd) close(s);
        } finally {
            slack.close();
            stub.stop(0);
        }
    }

    private static Socket open(HttpServer server, int i) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        s.setSoTimeout(1);
        write(s, (i % 2 == 0 ? "POST /slack/events" : "GET /healthz") + " HTTP/1.1\r\nHost: bench\r\n");
        return s;
    }

    private static boolean write(Socket s, String text) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A silent client notices the server closed it by reading end-of-stream (1 ms timeout: it never waits). */
    private static boolean isClosedByPeer(Socket s) {
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // reopening
        }
    }
}
