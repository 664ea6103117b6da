package pdmbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds environment variables that look like a misspelt pdm-bot setting ({@code PDM_STORE_KND}): they would be
 * ignored without a word. Variables far from every known name (other tools' {@code PDM_HOME}) are left alone.
 */
final class EnvironmentWarnings {

    private static final String PREFIX = "PDM_";

    private EnvironmentWarnings() {
    }

    /** One sentence per suspicious variable, sorted by name. */
    static List<String> of(Map<String, String> known, Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeMap<>(environment).keySet()) {
            if (!name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || known.containsKey(name)) continue;
            String upper = name.toUpperCase(Locale.ROOT);
            String nearest = null;
            int best = Integer.MAX_VALUE;
            for (String candidate : known.keySet()) {
                int d = pdmbot.chat.Suggestions.distance(upper, candidate);
                if (d < best) {
                    best = d;
                    nearest = candidate;
                }
            }
            if (nearest != null && best <= allowedDistance(upper))
                warnings.add("the environment variable " + name + " is not a pdm-bot setting and is ignored: did you mean "
                        + nearest + " (" + known.get(nearest) + ")?");
        }
        return warnings;
    }

    /**
     * The names pdm-bot reads, each with what it sets: every key's override, and the secret variables the
     * configuration names (the value of every {@code *-env} key, and its {@code _FILE} form).
     */
    static Map<String, String> knownNames(List<String> keyPaths, JsonNode config) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String path : keyPaths) known.put(ConfigLoader.environmentName(path), path);
        secrets(known, config, "");
        return known;
    }

    private static void secrets(Map<String, String> known, JsonNode node, String prefix) {
        node.properties().forEach(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                secrets(known, value, path);
            } else if (path.endsWith("-env") && value.isTextual() && !value.asText().isBlank()) {
                known.putIfAbsent(value.asText(), "the secret named by " + path);
                known.putIfAbsent(value.asText() + "_FILE", "a file holding the secret named by " + path);
            }
        });
    }

    /** One typo in a short name, two in a longer one; the same letters in another case always count. */
    private static int allowedDistance(String upper) {
        return Math.min(2, Math.max(1, (upper.length() - PREFIX.length()) / 4));
    }
}
