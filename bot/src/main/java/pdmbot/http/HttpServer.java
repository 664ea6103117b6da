package pdmbot.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@code serve}: {@code /healthz} and whatever endpoints the adapters mount (Slack's
 * {@code /slack/events}). Built on the JDK's {@code com.sun.net.httpserver}: no servlet container to
 * keep in step with Bolt, and Bolt's core is fed directly (see docs/decisions.md).
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** Slack's payloads are a few kilobytes; anything past this is refused before it is read whole. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    static final int THREADS = 16;

    private final com.sun.net.httpserver.HttpServer server;
    private final ExecutorService executor;

    private HttpServer(com.sun.net.httpserver.HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts listening on {@code bind:port} (port 0 picks a free one) with {@code /healthz} and the given endpoints. */
    public static HttpServer start(String bind, int port, Map<String, Endpoint> endpoints) throws IOException {
        com.sun.net.httpserver.HttpServer server;
        try {
            server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(bind, port), 64);
        } catch (IOException e) {
            throw pdmbot.app.UnableToListenException.on(bind, port, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "pdm-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<String, Endpoint> all = new LinkedHashMap<>();
        all.put("/healthz", request -> Endpoint.Answer.json(200, "{\"status\":\"ok\"}"));
        all.putAll(endpoints);
        all.forEach((path, endpoint) -> server.createContext(path, exchange -> serve(exchange, path, endpoint)));
        server.setExecutor(executor);
        server.start();
        log.info("HTTP server listening on {}:{} ({})", bind, server.getAddress().getPort(), all.keySet());
        return new HttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    private static void serve(HttpExchange exchange, String path, Endpoint endpoint) {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                send(exchange, Endpoint.Answer.text(404, "not found"));
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                send(exchange, Endpoint.Answer.text(413, "request body over " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            Endpoint.Incoming incoming = new Endpoint.Incoming(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8),
                    exchange.getRemoteAddress().getAddress().getHostAddress());
            Endpoint.Answer answer;
            try {
                answer = endpoint.answer(incoming);
            } catch (RuntimeException e) {
                log.error("{} {} failed", exchange.getRequestMethod(), path, e);
                answer = Endpoint.Answer.text(500, "internal error");
            }
            send(exchange, answer);
        } catch (IOException e) {
            log.debug("{}: the client went away ({})", path, e.toString());
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static void send(HttpExchange exchange, Endpoint.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
