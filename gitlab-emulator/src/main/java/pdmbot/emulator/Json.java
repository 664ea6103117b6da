package pdmbot.emulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one JSON mapper of the emulator and GitLab's two time formats. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    // ActiveSupport's JSON encoding of a UTC time with milliseconds, as in every API example of docs.gitlab.com
    private static final DateTimeFormatter RECORD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    // Gitaly commit times keep the commit's own offset: "2023-11-10T06:19:00.000+00:00" (lib/api/entities/commit.rb)
    private static final DateTimeFormatter GIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A database time as GitLab's API writes it, or null. */
    static String time(Instant instant) {
        return instant == null ? null : RECORD_TIME.format(instant);
    }

    static String gitTime(Instant instant, ZoneOffset offset) {
        return GIT_TIME.format(instant.atOffset(offset));
    }
}
