package pdmbot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration strictly (an unknown key or a bad value names the key and the line),
 * then applies environment overrides: every key {@code a.b-c} can be set by {@code PDM_A_B_C}.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private ConfigLoader() {
    }

    public static BotConfig load(Path file, Map<String, String> environment) {
        String where = file == null ? "the built-in defaults" : file.toString();
        JsonNode tree;
        if (file == null) {
            tree = YAML.createObjectNode();
        } else {
            if (!Files.isReadable(file))
                throw new InvalidConfigurationException("cannot read the configuration file " + file
                        + ": it does not exist or is not readable");
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new InvalidConfigurationException("cannot read the configuration file " + file + ": "
                        + e.getClass().getSimpleName(), e);
            }
            String yaml = text.isBlank() ? "{}" : text;
            try {
                YAML.readValue(yaml, BotConfig.class);
                tree = YAML.readTree(yaml);
            } catch (IOException e) {
                throw new InvalidConfigurationException(where + ": " + describe(e, text, treeOrNull(yaml)), e);
            }
            if (tree == null || tree.isMissingNode() || tree.isNull()) tree = YAML.createObjectNode();
            if (!tree.isObject())
                throw new InvalidConfigurationException(where + ": the configuration must be a map of keys, not "
                        + tree.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<String> applied = applyEnvironment((ObjectNode) tree, environment);
        try {
            return YAML.treeToValue(tree, BotConfig.class);
        } catch (JsonProcessingException e) {
            String variable = e instanceof JsonMappingException m ? environmentName(path(m).replaceAll("\\[\\d+]$", "")) : "";
            if (applied.contains(variable))
                throw new InvalidConfigurationException("the environment variable " + variable + ": " + describe(e, "", tree), e);
            throw new InvalidConfigurationException(where
                    + (applied.isEmpty() ? "" : " with " + String.join(", ", applied)) + ": " + describe(e, "", tree), e);
        }
    }

    private static JsonNode treeOrNull(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            return null;
        }
    }

    static String describe(Exception e, String text, JsonNode tree) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            String key = path(u);
            return "unknown key '" + key + "'" + line(text, key, u.getLocation())
                    + (known.isEmpty() ? "" : " (known keys here: " + known + ")");
        }
        if (e instanceof JsonMappingException m) {
            Throwable root = m;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String key = path(m);
            String why = m.getOriginalMessage();
            if (root instanceof IllegalArgumentException) {
                why = root.getMessage();
                int colon = why.indexOf(": ");
                if (colon > 0 && why.substring(0, colon).matches("[a-z-]+")) {
                    key = key.isEmpty() ? why.substring(0, colon) : key + "." + why.substring(0, colon);
                    why = why.substring(colon + 2);
                }
            } else if (m instanceof MismatchedInputException mismatch && ValueWords.mismatch(mismatch, tree, key) != null) {
                why = ValueWords.mismatch(mismatch, tree, key);
            }
            if (why != null && why.contains("\n")) why = why.substring(0, why.indexOf('\n'));
            if (why != null && (why.contains("java.") || why.contains("pdmbot."))) why = "not a value this key accepts";
            return "bad value for '" + key + "'" + line(text, key, m.getLocation()) + ": " + why;
        }
        if (e instanceof JsonProcessingException p) {
            return "not valid YAML" + line(p.getLocation()) + ": " + p.getOriginalMessage();
        }
        return e.getMessage();
    }

    /** The line of a key path in the YAML text, found by indentation; else Jackson's location. */
    private static String line(String text, String keyPath, JsonLocation fallback) {
        if (text != null && !text.isEmpty() && !keyPath.isEmpty()) {
            String[] keys = keyPath.replaceAll("\\[\\d+]", "").split("\\.");
            String[] lines = text.split("\n", -1);
            int depth = 0;
            int parentIndent = -1;
            for (int i = 0; i < lines.length && depth < keys.length; i++) {
                String l = lines[i];
                String trimmed = l.stripLeading();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                int indent = l.length() - trimmed.length();
                if (indent <= parentIndent) break;
                if (trimmed.startsWith(keys[depth] + ":")) {
                    if (++depth == keys.length) return " at line " + (i + 1);
                    parentIndent = indent;
                }
            }
        }
        return line(fallback);
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? "" : " at line " + location.getLineNr();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The environment variable that overrides a key path, e.g. store.postgres-url → PDM_STORE_POSTGRES_URL. */
    public static String environmentName(String keyPath) {
        return "PDM_" + keyPath.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static List<String> applyEnvironment(ObjectNode tree, Map<String, String> environment) {
        List<String> applied = new ArrayList<>();
        JsonNode defaults = YAML.valueToTree(BotConfig.defaults());
        for (String path : leafPaths(defaults, "")) {
            String value = environment.get(environmentName(path));
            if (value == null) continue;
            applied.add(environmentName(path));
            String[] keys = path.split("\\.");
            ObjectNode node = tree;
            for (int i = 0; i < keys.length - 1; i++) {
                JsonNode child = node.get(keys[i]);
                node = child instanceof ObjectNode o ? o : node.putObject(keys[i]);
            }
            JsonNode template = at(defaults, keys);
            if ((template != null && template.isArray()) || path.startsWith("roles.release-managers.")) {
                ArrayNode array = node.putArray(keys[keys.length - 1]);
                for (String part : value.split(",")) if (!part.isBlank()) array.add(part.trim());
            } else {
                node.put(keys[keys.length - 1], value);
            }
        }
        return applied;
    }

    private static JsonNode at(JsonNode node, String[] keys) {
        JsonNode current = node;
        for (String k : keys) current = current == null ? null : current.get(k);
        return current;
    }

    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject() && !path.equals("roles.release-managers")) paths.addAll(leafPaths(field.getValue(), path));
            else paths.add(path);
        }
        for (String platform : List.of("console", "slack", "discord"))
            if (prefix.isEmpty()) paths.add("roles.release-managers." + platform);
        return paths;
    }

    /**
     * The environment variables that look like a misspelt setting ({@code PDM_STORE_KND}), each a sentence naming the
     * nearest variable pdm-bot reads; the variables the configuration names for secrets count as known.
     */
    public static List<String> environmentWarnings(BotConfig config, Map<String, String> environment) {
        List<String> paths = leafPaths(YAML.valueToTree(BotConfig.defaults()), "");
        return EnvironmentWarnings.of(EnvironmentWarnings.knownNames(paths, YAML.valueToTree(config)), environment);
    }
}
