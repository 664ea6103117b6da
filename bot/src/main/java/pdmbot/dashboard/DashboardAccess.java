package pdmbot.dashboard;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import pdmbot.config.Secrets;
import pdmbot.http.Endpoint;

/**
 * Who may read the dashboard. Bound to loopback, anyone on the machine (the bot's own health and Slack endpoints are
 * there too); bound anywhere else, only a request carrying the token of {@code PDM_DASHBOARD_TOKEN} (or the file
 * {@code PDM_DASHBOARD_TOKEN_FILE} names), as {@code Authorization: Bearer …} or {@code ?token=…}. A configured token
 * is asked for on loopback too. Without a token on a non-loopback bind the dashboard stays shut and says why.
 */
public final class DashboardAccess {

    public static final String TOKEN_VARIABLE = "PDM_DASHBOARD_TOKEN";

    private final String bind;
    private final boolean loopback;
    private final Optional<byte[]> token;

    private DashboardAccess(String bind, boolean loopback, Optional<String> token) {
        this.bind = bind;
        this.loopback = loopback;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** For the HTTP server bound to {@code bind}, with the token read from the environment (or its file). */
    public static DashboardAccess of(String bind, Secrets secrets) {
        return of(bind, secrets.read(TOKEN_VARIABLE, null));
    }

    public static DashboardAccess of(String bind, Optional<String> token) {
        Objects.requireNonNull(bind, "bind");
        return new DashboardAccess(bind, isLoopback(bind), token.filter(t -> !t.isBlank()));
    }

    /** Whether the address is loopback; a name that does not resolve, or the wildcard, is not. */
    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the dashboard can be opened at all (it cannot on a non-loopback bind without a token). */
    public boolean isOpen() {
        return loopback || token.isPresent();
    }

    public boolean asksForToken() {
        return token.isPresent();
    }

    /** Nothing when the request may read the dashboard, else the answer that refuses it. */
    Optional<Endpoint.Answer> refusal(Endpoint.Incoming request) {
        if (!isOpen())
            return Optional.of(Endpoint.Answer.text(503, "The dashboard is shut: the HTTP server is bound to " + bind
                    + ", which is not loopback, and no dashboard token is set. Set " + TOKEN_VARIABLE + " (or "
                    + TOKEN_VARIABLE + "_FILE naming a file that holds it) and restart, then open /dashboard?token=<the token>."));
        if (token.isEmpty()) return Optional.empty();
        Optional<String> given = presented(request);
        if (given.isPresent() && MessageDigest.isEqual(given.get().getBytes(StandardCharsets.UTF_8), token.get()))
            return Optional.empty();
        return Optional.of(new Endpoint.Answer(401, "text/plain; charset=utf-8",
                (given.isPresent() ? "That dashboard token is not the right one." : "The dashboard asks for a token.")
                        + " Open /dashboard?token=<the value of " + TOKEN_VARIABLE + ">, or send Authorization: Bearer <token>.",
                Map.of("WWW-Authenticate", List.of("Bearer realm=\"pdm-bot dashboard\""))));
    }

    private static Optional<String> presented(Endpoint.Incoming request) {
        String authorization = request.header("authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
            return Optional.of(authorization.substring(7).trim());
        for (String pair : request.query().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("token")) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    return Optional.of("");
                }
            }
        }
        return Optional.empty();
    }
}
