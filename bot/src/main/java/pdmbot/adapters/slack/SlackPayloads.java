package pdmbot.adapters.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a signed request is one of the shapes the bot handles before Bolt sees it, so that a malformed
 * one is a 400 with a reason instead of an exception inside Bolt: a slash command (form with {@code command}
 * and a non-empty {@code user_id}), an interaction (form with {@code payload=} JSON; {@code block_actions}
 * needs a user and at least one action), or an Events API JSON object ({@code app_mention} needs a user).
 * Shapes: https://api.slack.com/interactivity/slash-commands, https://api.slack.com/reference/interaction-payloads/block-actions,
 * https://api.slack.com/events/app_mention.
 */
final class SlackPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackPayloads() {
    }

    /** Why the body is not a request the bot handles, or empty when it is. Never quotes the body. */
    static Optional<String> problem(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) return event(body);
        Map<String, String> form;
        try {
            form = form(body);
        } catch (IllegalArgumentException e) {
            return Optional.of("the form body has invalid %-encoding");
        }
        if (form.containsKey("payload")) return interaction(form.get("payload"));
        if (form.containsKey("command")) {
            return blank(form.get("user_id")) ? Optional.of("a slash command without user_id") : Optional.empty();
        }
        if (form.containsKey("ssl_check")) return Optional.empty();
        return Optional.of("neither a slash command, an interaction payload nor an Events API event");
    }

    /** Slack's {@code ssl_check=1} form, sent to check the certificate; it needs only a 200. */
    static boolean isSslCheck(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        return !type.startsWith("application/json") && form(body).containsKey("ssl_check");
    }

    private static Optional<String> event(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("the JSON body does not parse");
        }
        if (root == null || !root.isObject()) return Optional.of("the JSON body is not an object");
        String kind = root.path("type").asText("");
        if (kind.equals("url_verification")) return Optional.empty();
        if (!kind.equals("event_callback")) return Optional.of("an Events API body of type '" + shortly(kind) + "'");
        JsonNode event = root.path("event");
        if (!event.isObject()) return Optional.of("an event_callback without an event object");
        if (blank(root.path("event_id").asText(null))) return Optional.of("an event_callback without event_id");
        if (event.path("type").asText("").equals("app_mention") && blank(event.path("user").asText(null)))
            return Optional.of("an app_mention without user");
        return Optional.empty();
    }

    private static Optional<String> interaction(String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            return Optional.of("payload= is not JSON");
        }
        if (root == null || !root.isObject()) return Optional.of("payload= is not a JSON object");
        if (!root.path("type").asText("").equals("block_actions")) return Optional.empty();
        if (blank(root.path("user").path("id").asText(null))) return Optional.of("a block_actions without user");
        JsonNode actions = root.path("actions");
        if (!actions.isArray() || actions.isEmpty()) return Optional.of("a block_actions without actions");
        if (blank(actions.get(0).path("action_id").asText(null))) return Optional.of("a block_actions action without action_id");
        return Optional.empty();
    }

    /** Strict form decoding: an invalid %-escape throws instead of being passed on. */
    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) return out;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String shortly(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
