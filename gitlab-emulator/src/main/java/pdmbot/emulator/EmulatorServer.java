package pdmbot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side on loopback only: {@code /api/v4/...} answered as GitLab, {@code /-/emulator/...} the control API.
 * Every request is authenticated first: a token that matches no user answers 401 on every route, whatever the
 * route's own rules (lib/gitlab/auth/auth_finders.rb raises UnauthorizedError for an unknown token).
 */
final class EmulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    private static final String API = "/api/v4";
    private static final String CONTROL = "/-/emulator";

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorWorld world;
    private final Router api = new Router();
    private final Router control = new Router();

    EmulatorServer(EmulatorWorld world, int port) throws IOException {
        this.world = world;
        new RepositoryRoutes(world).register(api);
        new CommitRoutes(world).register(api);
        new DeploymentRoutes(world).register(api);
        new PipelineRoutes(world).register(api);
        new IssueRoutes(world).register(api);
        new MergeRequestRoutes(world).register(api);
        new LabelEventRoutes(world).register(api);
        new AdminRoutes(world).register(api);
        new ControlRoutes(world).register(control);
        // without it the JDK server waits on Nagle for each small answer (~40 ms a call); read once, when the first server starts
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "gitlab-emulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Answer answer;
        try {
            ApiRequest request = ApiRequest.of(exchange);
            synchronized (world.lock) {
                authenticate(request);
                answer = route(request);
            }
        } catch (Refusal refusal) {
            answer = refusal.answer();
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            ObjectNode body = Json.object();
            body.put("message", "500 Internal Server Error");
            answer = Answer.json(500, body);
        }
        try (exchange) {
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), head || answer.body().length == 0 ? -1 : answer.body().length);
            if (!head && answer.body().length > 0) try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
        if (LOG.isDebugEnabled())
            LOG.debug("{} {} {} in {} ms", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    answer.status(), (System.nanoTime() - started) / 1_000_000);
    }

    private Answer route(ApiRequest request) {
        String path = request.rawPath;
        if (path.startsWith(API + "/")) return api.dispatch(request, path.substring(API.length()));
        if (path.startsWith(CONTROL + "/")) return control.dispatch(request, path.substring(CONTROL.length()));
        throw Refusal.unknownRoute();
    }

    /** PRIVATE-TOKEN header, {@code Authorization: Bearer}, or {@code ?private_token=}. */
    private void authenticate(ApiRequest request) {
        Optional<String> token = Optional.ofNullable(request.header("PRIVATE-TOKEN"))
                .or(() -> Optional.ofNullable(request.header("Authorization"))
                        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim()))
                .or(() -> request.param("private_token"));
        if (token.isEmpty()) return;
        EmulatorState.Token found = world.state.tokens.stream()
                .filter(t -> java.security.MessageDigest.isEqual(t.value().getBytes(), token.get().getBytes()))
                .findFirst().orElseThrow(Refusal::unauthorized);
        request.caller(world.user(found.userId()), found);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
