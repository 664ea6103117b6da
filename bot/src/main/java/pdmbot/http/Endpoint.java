package pdmbot.http;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One path of the {@link HttpServer}: a plain request in, a plain answer out, so adapters need no HTTP library. */
@FunctionalInterface
public interface Endpoint {

    Answer answer(Incoming request);

    /** A request as received; header names are lower case; {@code body} is the raw bytes, as signed by Slack. */
    record Incoming(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                    String remoteAddress) {
        public Incoming {
            headers = Map.copyOf(headers);
            if (query == null) query = "";
            body = body == null ? new byte[0] : body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The first value of a header, or null; {@code name} in any case. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The body as UTF-8, or empty when it is not valid UTF-8 (never a silently replaced character). */
        public Optional<String> bodyText() {
            try {
                return Optional.of(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body)).toString());
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
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
