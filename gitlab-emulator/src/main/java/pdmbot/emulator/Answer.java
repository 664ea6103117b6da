package pdmbot.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer: status, content type, body and extra headers (pagination, X-Gitlab-*). */
record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

    Answer {
        headers = new LinkedHashMap<>(headers);
    }

    static Answer json(int status, JsonNode body) {
        try {
            return new Answer(status, "application/json", Json.MAPPER.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static Answer ok(JsonNode body) {
        return json(200, body);
    }

    static Answer created(JsonNode body) {
        return json(201, body);
    }

    static Answer text(int status, String contentType, String body) {
        return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Answer withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new Answer(status, contentType, body, all);
    }
}
