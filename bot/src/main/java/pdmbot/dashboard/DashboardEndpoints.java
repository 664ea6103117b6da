package pdmbot.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.http.Endpoint;

/**
 * The dashboard's paths on the bot's HTTP server: the page, its state as JSON (the page polls it every
 * {@value #POLL_MILLIS} ms and swaps the content in when it changed), and its script and style sheet. Read-only:
 * every path answers GET (and HEAD) only.
 */
public final class DashboardEndpoints {

    public static final String PAGE = "/dashboard";
    public static final String STATE = "/dashboard/state";
    public static final String SCRIPT = "/dashboard/dashboard.js";
    public static final String CSS = "/dashboard/dashboard.css";
    public static final int POLL_MILLIS = 2000;

    /** No inline script or style, nothing from elsewhere: a text that slipped through escaping could still not run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<DashboardView> views;
    private final DashboardAccess access;
    private final String script = resource("dashboard.js");
    private final String css = resource("dashboard.css");

    /** {@code views} gives the view to show ({@link DashboardSources#view}). */
    public DashboardEndpoints(Supplier<DashboardView> views, DashboardAccess access) {
        this.views = views;
        this.access = access;
    }

    /** The paths to mount on the HTTP server. */
    public Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> all = new LinkedHashMap<>();
        all.put(PAGE, guarded(r -> html(DashboardPage.page(views.get()))));
        all.put(STATE, guarded(r -> state()));
        all.put(SCRIPT, readOnly(r -> asset("text/javascript; charset=utf-8", script)));
        all.put(CSS, readOnly(r -> asset("text/css; charset=utf-8", css)));
        return all;
    }

    private Endpoint.Answer state() {
        DashboardView view = views.get();
        String content = DashboardPage.content(view);
        ObjectNode state = JSON.createObjectNode()
                .put("version", DashboardPage.version(content))
                .put("updated", DashboardPage.updated(view.at()))
                .put("html", content);
        return withHeaders(Endpoint.Answer.json(200, state.toString()));
    }

    private Endpoint guarded(Endpoint endpoint) {
        return readOnly(request -> {
            Optional<Endpoint.Answer> refused = access.refusal(request);
            return refused.map(DashboardEndpoints::withHeaders).orElseGet(() -> endpoint.answer(request));
        });
    }

    private static Endpoint readOnly(Endpoint endpoint) {
        return request -> {
            if (!request.method().equals("GET") && !request.method().equals("HEAD"))
                return new Endpoint.Answer(405, "text/plain; charset=utf-8", "The dashboard is read-only: GET it.",
                        Map.of("Allow", List.of("GET, HEAD")));
            return endpoint.answer(request);
        };
    }

    private static Endpoint.Answer html(String page) {
        return withHeaders(new Endpoint.Answer(200, "text/html; charset=utf-8", page, Map.of()));
    }

    private static Endpoint.Answer asset(String type, String body) {
        return new Endpoint.Answer(200, type, body, Map.of("Cache-Control", List.of("max-age=300"),
                "X-Content-Type-Options", List.of("nosniff")));
    }

    private static Endpoint.Answer withHeaders(Endpoint.Answer answer) {
        Map<String, List<String>> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Content-Security-Policy", List.of(CONTENT_SECURITY_POLICY));
        headers.put("X-Content-Type-Options", List.of("nosniff"));
        headers.put("Referrer-Policy", List.of("no-referrer"));
        headers.put("Cache-Control", List.of("no-store"));
        return new Endpoint.Answer(answer.status(), answer.contentType(), answer.body(), headers);
    }

    private static String resource(String name) {
        try (InputStream in = DashboardEndpoints.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
