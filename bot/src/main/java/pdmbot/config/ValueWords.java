package pdmbot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/** Says what a key expected and what it got in the configuration's words ("a whole number"), never Java's types. */
final class ValueWords {

    private ValueWords() {
    }

    /** {@code expected a whole number, got "abc"}, or null when the failure is not about a value's type. */
    static String mismatch(MismatchedInputException e, JsonNode tree, String keyPath) {
        String expected = expected(e.getTargetType());
        if (expected == null) return null;
        String got = got(at(tree, keyPath));
        return "expected " + expected + (got == null ? "" : ", got " + got);
    }

    static String expected(Class<?> type) {
        if (type == null) return null;
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) return "a whole number";
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (CharSequence.class.isAssignableFrom(type)) return "text";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "a map of keys";
        return null;
    }

    static String got(JsonNode node) {
        if (node == null || node.isMissingNode()) return null;
        if (node.isNull()) return "nothing";
        if (node.isTextual()) return "\"" + node.asText() + "\"";
        if (node.isArray()) return "a list";
        if (node.isObject()) return "a map of keys";
        return node.asText();
    }

    /** The node at {@code a.b[0].c}, or null. */
    static JsonNode at(JsonNode tree, String keyPath) {
        if (tree == null || keyPath.isEmpty()) return null;
        JsonNode node = tree;
        for (String part : keyPath.replace("[", ".[").split("\\.")) {
            if (node == null || part.isEmpty()) continue;
            node = part.startsWith("[") ? node.get(Integer.parseInt(part.substring(1, part.length() - 1))) : node.get(part);
        }
        return node;
    }
}
