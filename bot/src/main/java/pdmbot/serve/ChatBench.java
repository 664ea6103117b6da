package pdmbot.serve;

import pdmbot.http.HttpServer;
import pdmbot.http.Endpoint;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import pdmbot.adapters.slack.SlackAdapter;
import pdmbot.adapters.slack.SlackSignatureCheck;
import pdmbot.chat.ChatCore;
import pdmbot.chat.interaction.Interactions;

/**
 * {@code bench chat}: real signed {@code /pdm} requests from 1, 8 and 32 concurrent clients into the bot's
 * own HTTP server on loopback, with a local stand-in for Slack's Web API. Prints one JSON line per
 * concurrency level (ack and reply latency p50/p99, throughput). Bounded in count and time; prints, never asserts.
 */
public final class ChatBench {

    static final int[] CLIENTS = {1, 8, 32};
    private static final String SECRET = "bench-signing-secret";

    private ChatBench() {
    }

    /**
     * @param interactions the bot's interaction service (chat_events, chat_buttons); the bench's events are unique
     * @param words      a query command, e.g. {@code help}
     */
    public static void run(PrintStream out, ChatCore core, Interactions interactions, String words, int requestsPerClient,
                           Duration timeLimit) throws IOException, InterruptedException {
        Map<String, CompletableFuture<Long>> replies = new ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer stub = slackStub(replies);
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + stub.getAddress().getPort() + "/api/");
        Clock clock = Clock.systemUTC();
        SlackAdapter slack = new SlackAdapter(new SlackAdapter.Settings(SECRET, "xoxb-bench", null, "bench", null),
                pdmbot.adapters.slack.SlackClients.withoutNagle(slackConfig), core::handle, interactions, clock);
        SlackSignatureCheck signer = new SlackSignatureCheck(SECRET, clock);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, Map.of("/slack/events", slack.endpoint()))) {
            URI events = URI.create(server.baseUri() + "/slack/events");
            String stubUrl = "http://127.0.0.1:" + stub.getAddress().getPort();
            // a first, unreported pass warms the JIT and the pools, so the 1-client figures measure the bot, not start-up
            for (int pass = -1; pass < CLIENTS.length; pass++) {
                boolean warmUp = pass < 0;
                int clients = warmUp ? 4 : CLIENTS[pass];
                if (System.nanoTime() > deadline) break;
                List<Long> acks = Collections.synchronizedList(new ArrayList<>());
                List<Long> replyTimes = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger errors = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long started = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    pool.submit(() -> {
                        for (int i = 0; i < requestsPerClient && System.nanoTime() < deadline; i++) {
                            String channel = "CB" + run + "x" + (warmUp ? "w" : "") + clients + "x" + client + "x" + i;
                            CompletableFuture<Long> replied = new CompletableFuture<>();
                            replies.put(channel, replied);
                            String body = form(Map.of("command", "/pdm", "text", words, "team_id", "TBENCH",
                                    "channel_id", channel, "user_id", "UBENCH" + client, "user_name", "bench",
                                    "response_url", stubUrl + "/respond/" + channel, "trigger_id", channel));
                            String ts = Long.toString(System.currentTimeMillis() / 1000);
                            long sent = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(events)
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .header("X-Slack-Request-Timestamp", ts)
                                        .header("X-Slack-Signature", signer.sign(ts, body))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                acks.add(System.nanoTime() - sent);
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    continue;
                                }
                                long at = replied.get(10, TimeUnit.SECONDS);
                                replyTimes.add(at - sent);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            } finally {
                                replies.remove(channel);
                            }
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(Math.max(1, timeLimit.toSeconds()) + 15, TimeUnit.SECONDS);
                pool.shutdownNow();
                double seconds = (System.nanoTime() - started) / 1e9;
                if (warmUp) continue;
                out.println(String.format(Locale.ROOT,
                        "{\"bench\":\"chat\",\"transport\":\"slack-http\",\"command\":\"%s\",\"clients\":%d,\"requests\":%d,"
                                + "\"errors\":%d,\"ack_p50_ms\":%.2f,\"ack_p99_ms\":%.2f,\"reply_p50_ms\":%.2f,"
                                + "\"reply_p99_ms\":%.2f,\"throughput_per_s\":%.1f}",
                        words.replace("\"", "'"), clients, acks.size(), errors.get(), ms(acks, 50), ms(acks, 99),
                        ms(replyTimes, 50), ms(replyTimes, 99), replyTimes.size() / seconds));
            }
        } finally {
            slack.close();
            stub.stop(0);
        }
    }

    /** Stands in for slack.com: auth.test, chat.* and response_url posts; records when each channel's reply arrived. */
    static com.sun.net.httpserver.HttpServer slackStub(Map<String, CompletableFuture<Long>> replies) throws IOException {
        // Without it the JDK server's separate header and body writes meet Nagle and delayed ACKs: ~40 ms a Web API
        // call that slack.com does not add, holding each of the adapter's delivery threads (as BenchGitLab found).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        com.sun.net.httpserver.HttpServer stub = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        stub.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "pdm-bench-slack");
            t.setDaemon(true);
            return t;
        }));
        stub.createContext("/", exchange -> {
            long at = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String channel = null;
            String answer = "{\"ok\":true}";
            if (path.startsWith("/respond/")) {
                channel = path.substring("/respond/".length());
            } else if (path.equals("/api/auth.test")) {
                answer = "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\",\"user\":\"pdm-bot\","
                        + "\"team_id\":\"TBENCH\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
            } else if (path.startsWith("/api/chat.")) {
                channel = formValue(body, "channel");
                answer = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + (System.currentTimeMillis() / 1000) + ".000100\"}";
            }
            if (channel != null) {
                CompletableFuture<Long> f = replies.get(channel);
                if (f != null) f.complete(at);
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        return stub;
    }

    private static String formValue(String body, String key) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(key))
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (out.length() > 0) out.append('&');
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    static double ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) return 0;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
