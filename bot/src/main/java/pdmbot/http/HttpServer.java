package pdmbot.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@code serve} on Jetty 12 (core, no servlets): {@code /healthz}, {@code /healthz/live} and the
 * endpoints the adapters mount (Slack's {@code /slack/events}). Jetty parses requests without holding a thread
 * while bytes trickle in, and {@link HttpLimits} bounds how long and how much a client may send; see
 * docs/notes/adapters.md for why Jetty rather than the JDK's server.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** Slack's payloads are a few kilobytes; anything past this is refused with 413. */
    public static final int MAX_BODY_BYTES = HttpLimits.DEFAULTS.maxBodyBytes();

    private final Server server;
    private final ServerConnector connector;

    private HttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts listening on {@code bind:port} (port 0 picks a free one) with the default limits and no health checks. */
    public static HttpServer start(String bind, int port, Map<String, Endpoint> endpoints) {
        return start(bind, port, HttpLimits.DEFAULTS, endpoints, List.of());
    }

    /** Starts listening with {@code /healthz} reporting {@code checks}, and the given endpoints. */
    public static HttpServer start(String bind, int port, HttpLimits limits, Map<String, Endpoint> endpoints,
                                   List<HealthCheck> checks) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 4);
        threads.setName("pdm-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        connector.addBean(new HeaderDeadline(connector, limits));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        Map<String, Endpoint> all = new LinkedHashMap<>(endpoints);
        server.setHandler(new Routes(all, new Health(checks), limits, threads));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing; the start failure is what matters
            }
            java.net.BindException bind0 = bindFailure(e);
            if (bind0 != null) throw UnableToListenException.on(bind, port, bind0);
            throw new UnableToStartHttpServerException(bind + ":" + port, e);
        }
        log.info("HTTP server listening on {}:{} (/healthz, /healthz/live, {}); idle {}s, head {}s, body {}s, head <= {} B, body <= {} B",
                bind, connector.getLocalPort(), all.keySet(), limits.idleTimeout().toSeconds(),
                limits.headerTimeout().toSeconds(), limits.bodyTimeout().toSeconds(), limits.maxHeaderBytes(), limits.maxBodyBytes());
        return new HttpServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI baseUri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + new InetSocketAddress(host, port()).getHostString() + ":" + port());
    }

    /** Closes a connection that has not delivered a whole request head in time (slowloris), whatever it trickles. */
    private static final class HeaderDeadline implements Connection.Listener {
        private final Scheduler scheduler;
        private final long millis;

        HeaderDeadline(ServerConnector connector, HttpLimits limits) {
            this.scheduler = connector.getScheduler();
            this.millis = limits.headerTimeout().toMillis();
        }

        @Override
        public void onOpened(Connection connection) {
            scheduler.schedule(() -> {
                if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                    log.debug("closed a connection from {} that sent no complete request within {} ms",
                            connection.getEndPoint().getRemoteSocketAddress(), millis);
                    connection.getEndPoint().close();
                }
            }, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClosed(Connection connection) {
        }
    }

    /** Dispatches by exact path: health at once, endpoints once their body has arrived, on a worker thread. */
    private static final class Routes extends Handler.Abstract.NonBlocking {
        private final Map<String, Endpoint> endpoints;
        private final Health health;
        private final HttpLimits limits;
        private final java.util.concurrent.Executor workers;

        Routes(Map<String, Endpoint> endpoints, Health health, HttpLimits limits, java.util.concurrent.Executor workers) {
            this.endpoints = endpoints;
            this.health = health;
            this.limits = limits;
            this.workers = workers;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = request.getHttpURI().getPath();
            if ("/healthz".equals(path)) {
                send(response, callback, health.readiness(), false);
                return true;
            }
            if ("/healthz/live".equals(path)) {
                send(response, callback, Endpoint.Answer.json(200, "{\"status\":\"live\"}"), false);
                return true;
            }
            Endpoint endpoint = endpoints.get(path);
            if (endpoint == null) {
                send(response, callback, Endpoint.Answer.text(404, "not found"), false);
                return true;
            }
            long declared = request.getLength();
            if (declared > limits.maxBodyBytes()) {
                send(response, callback, tooLarge(limits), true);
                return true;
            }
            new BodyReader(request, response, callback, limits, body -> workers.execute(
                    () -> send(response, callback, answer(endpoint, request, path, body), false))).start();
            return true;
        }

        private static Endpoint.Answer answer(Endpoint endpoint, Request request, String path, byte[] body) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.getHeaders().forEach(f -> headers.computeIfAbsent(f.getLowerCaseName(), k -> new java.util.ArrayList<>())
                    .add(f.getValue()));
            Endpoint.Incoming incoming = new Endpoint.Incoming(request.getMethod(), path, request.getHttpURI().getQuery(),
                    headers, body, Request.getRemoteAddr(request));
            try {
                return endpoint.answer(incoming);
            } catch (RuntimeException e) {
                log.error("{} {} failed: {}", request.getMethod(), path, e.getClass().getName(), e);
                return Endpoint.Answer.text(500, "internal error");
            }
        }
    }

    static Endpoint.Answer tooLarge(HttpLimits limits) {
        return Endpoint.Answer.text(413, "request body over " + limits.maxBodyBytes() + " bytes");
    }

    static void send(Response response, Callback callback, Endpoint.Answer answer, boolean close) {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> {
            if (name == null || name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("content-type")) return;
            for (String value : values) response.getHeaders().add(name, value);
        });
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        if (close) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("stopping the HTTP server: {}", e.toString());
        }
    }

    /** Jetty wraps the socket's bind failure; the user is told about the port, so find it in the causes. */
    private static java.net.BindException bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof java.net.BindException b) return b;
        return null;
    }
}
