package pdmbot.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One path of the {@link HttpServer}: a plain request in, a plain answer out, so adapters need no HTTP library. */
@FunctionalInterface
public interface Endpoint {

    Answer answer(Incoming request);

    /** A request as received; header names are lower case. */
    record Incoming(String method, String path, String query, Map<String, List<String>> headers, String body,
                    String remoteAddress) {
        public Incoming {
            headers = Map.copyOf(headers);
            if (query == null) query = "";
            if (body == null) body = "";
        }

        /** The first value of a header, or null; {@code name} in any case. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** What goes back: status, content type, body and extra headers. */
    record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {
        public Answer {
            if (contentType == null) contentType = "text/plain; charset=utf-8";
            if (body == null) body = "";
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public static Answer json(int status, String json) {
            return new Answer(status, "application/json; charset=utf-8", json, Map.of());
        }

        public static Answer text(int status, String text) {
            return new Answer(status, "text/plain; charset=utf-8", text, Map.of());
        }
    }
}
