package pdmbot.world.gitlab;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitlab4j.api.GitLabApiException;

/** What went wrong with one GitLab call, read from whatever gitlab4j or Jersey threw. */
record CallProblem(Kind kind, int status, String detail, Optional<Duration> retryAfter, Throwable cause) {

    enum Kind { HTTP, TIMEOUT, UNREACHABLE, MALFORMED, OTHER }

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    static CallProblem of(Throwable thrown) {
        Throwable t = thrown;
        // Pager.page wraps its GitLabApiException in a RuntimeException
        if (!(t instanceof GitLabApiException) && t.getCause() instanceof GitLabApiException) t = t.getCause();
        if (t instanceof GitLabApiException e && e.getHttpStatus() > 0)
            return new CallProblem(Kind.HTTP, e.getHttpStatus(), e.getMessage(), retryAfter(e), thrown);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException || c instanceof HttpTimeoutException)
                return new CallProblem(Kind.TIMEOUT, 0, c.getClass().getSimpleName(), Optional.empty(), thrown);
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException)
                return new CallProblem(Kind.UNREACHABLE, 0, c.getClass().getSimpleName(), Optional.empty(), thrown);
            if (c instanceof JsonProcessingException json)
                return new CallProblem(Kind.MALFORMED, 0, json.getOriginalMessage(), Optional.empty(), thrown);
            if (c.getCause() == c) break;
        }
        return new CallProblem(Kind.OTHER, 0, String.valueOf(t.getMessage()), Optional.empty(), thrown);
    }

    /** Worth another try: rate limited, a gateway or server hiccup, a timeout, a refused connection. */
    boolean isTransient(boolean idempotent) {
        if (kind == Kind.HTTP) {
            if (status == 429 || status == 503) return true;
            return idempotent && (status == 500 || status == 502 || status == 504);
        }
        if (kind == Kind.UNREACHABLE) return true;
        return idempotent && kind == Kind.TIMEOUT;
    }

    boolean isMissing() {
        return kind == Kind.HTTP && status == 404;
    }

    /**
     * A 404 that does not name one of {@code containers} ({@code "404 Project Not Found"} names {@code Project}): the
     * thing asked for is missing, not the project it was asked of.
     */
    boolean isMissingFrom(java.util.Set<String> containers) {
        if (!isMissing()) return false;
        for (String container : containers) if (detail != null && detail.contains(container + " Not Found")) return false;
        return true;
    }

    /** {@code 401 Unauthorized}. */
    String statusLine() {
        return status + " " + REASONS.getOrDefault(status, "");
    }

    private static Optional<Duration> retryAfter(GitLabApiException e) {
        if (e.getHeaders() == null) return Optional.empty();
        List<String> values = e.getHeaders().get("Retry-After");
        if (values == null || values.isEmpty() || values.get(0) == null) return Optional.empty();
        String value = values.get(0).trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
