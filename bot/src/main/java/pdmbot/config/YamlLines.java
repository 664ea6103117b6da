package pdmbot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of a key path such as {@code run.targets[2].environment} in YAML text, found by indentation (Jackson's
 * locations point past the token): each key is looked for among the children of the one before it, and an index picks
 * the n-th {@code - } item of a list. Block style only, which is what the example configurations use.
 */
final class YamlLines {

    private static final Pattern STEP = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");

    /** One meaningful line: its number, the column its content starts at, and whether it opens a list item. */
    private record Line(int number, int indent, String content, boolean item) {
    }

    private YamlLines() {
    }

    static OptionalInt lineOf(String text, String keyPath) {
        if (text == null || text.isEmpty() || keyPath == null || keyPath.isEmpty()) return OptionalInt.empty();
        List<Line> lines = lines(text);
        int from = 0;
        int to = lines.size();
        int parentIndent = -1;
        int found = -1;
        for (String step : keyPath.split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (!m.matches()) return OptionalInt.empty();
            int at = child(lines, from, to, parentIndent, m.group(1));
            if (at < 0) return OptionalInt.empty();
            found = at;
            parentIndent = lines.get(at).indent();
            from = at + 1;
            to = end(lines, from, to, parentIndent, false);
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
            while (index.find()) {
                int item = item(lines, from, to, Integer.parseInt(index.group(1)));
                if (item < 0) return OptionalInt.empty();
                found = item + 1 < lines.size() && lines.get(item + 1).number() == lines.get(item).number() ? item + 1 : item;
                int itemIndent = lines.get(item).indent();
                from = item + 1;
                to = end(lines, from, to, itemIndent, true);
                parentIndent = itemIndent;
            }
        }
        return OptionalInt.of(lines.get(found).number());
    }

    /** Meaningful lines; {@code - key: v} gives an item line and, on the same number, a key line two columns in. */
    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String trimmed = raw[i].stripLeading();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            int indent = raw[i].length() - trimmed.length();
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                lines.add(new Line(i + 1, indent, trimmed, true));
                String rest = trimmed.substring(1).stripLeading();
                if (!rest.isEmpty()) lines.add(new Line(i + 1, indent + (trimmed.length() - rest.length()), rest, false));
            } else {
                lines.add(new Line(i + 1, indent, trimmed, false));
            }
        }
        return lines;
    }

    private static int child(List<Line> lines, int from, int to, int parentIndent, String key) {
        int childIndent = -1;
        for (int i = from; i < to; i++) {
            Line l = lines.get(i);
            if (l.indent() <= parentIndent) break;
            if (childIndent < 0) childIndent = l.indent();
            if (l.indent() == childIndent && !l.item() && (l.content().startsWith(key + ":"))) return i;
        }
        return -1;
    }

    private static int item(List<Line> lines, int from, int to, int index) {
        int itemIndent = -1;
        int seen = -1;
        for (int i = from; i < to; i++) {
            Line l = lines.get(i);
            if (!l.item()) continue;
            if (itemIndent < 0) itemIndent = l.indent();
            if (l.indent() == itemIndent && ++seen == index) return i;
        }
        return -1;
    }

    /** Where the block that starts at {@code from}, under a line at {@code indent}, ends. */
    private static int end(List<Line> lines, int from, int to, int indent, boolean item) {
        for (int i = from; i < to; i++) {
            Line l = lines.get(i);
            // an item of a list under a key may sit at the key's own column (a YAML "compact" sequence)
            if (l.indent() < indent || (l.indent() == indent && (item || !l.item()))) return i;
        }
        return to;
    }
}
