package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces SQL text to statements with a verb and a target; pure. */
final class SqlReader {

    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\\S+\\s+)?ON\\s+(?:ONLY\\s+)?(\\S+)");
    private static final Pattern ALTER = Pattern.compile("^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(\\S+)\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern TARGET_AFTER = Pattern.compile("^(?:UPDATE\\s+(?:ONLY\\s+)?|DELETE\\s+FROM\\s+(?:ONLY\\s+)?|INSERT\\s+INTO\\s+|TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?)(\\S+)");

    private SqlReader() {}

    record Read(String verb, String target, boolean concurrently) {}

    static List<Read> read(String sql) {
        List<Read> out = new ArrayList<>();
        String cleaned = sql.replaceAll("--[^\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
        for (String part : splitStatements(cleaned)) {
            String s = part.trim().replaceAll("\\s+", " ");
            if (s.isEmpty()) continue;
            out.add(readOne(s));
        }
        return out;
    }

    private static List<String> splitStatements(String sql) {
        List<String> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quote = false;
        boolean dollar = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' && !dollar) quote = !quote;
            if (c == '$' && i + 1 < sql.length() && sql.charAt(i + 1) == '$' && !quote) dollar = !dollar;
            if (c == ';' && !quote && !dollar) { parts.add(sb.toString()); sb.setLength(0); continue; }
            sb.append(c);
        }
        parts.add(sb.toString());
        return parts;
    }

    private static Read readOne(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        if (u.startsWith("WITH ")) {
            for (String verb : List.of("UPDATE", "DELETE", "INSERT")) {
                Matcher m = Pattern.compile("\\)\\s*(" + verb + "\\b.*)$").matcher(u);
                if (m.find()) return readOne(s.substring(m.start(1)));
            }
            return new Read("SELECT", "", false);
        }
        Matcher ci = CREATE_INDEX.matcher(u);
        if (ci.find()) return new Read("CREATE INDEX", clean(s.substring(ci.start(2), ci.end(2))), ci.group(1) != null);
        if (u.startsWith("REINDEX")) return new Read("REINDEX", lastWord(s), u.contains("CONCURRENTLY"));
        Matcher t = TARGET_AFTER.matcher(u);
        if (t.find()) {
            String verb = u.substring(0, u.indexOf(' '));
            return new Read(verb, clean(s.substring(t.start(1), t.end(1))), false);
        }
        Matcher a = ALTER.matcher(u);
        if (a.find()) {
            String table = clean(s.substring(a.start(1), a.end(1)));
            String rest = a.group(2);
            if (rest.contains("VALIDATE CONSTRAINT")) return new Read("VALIDATE CONSTRAINT", table, false);
            if (rest.contains("ADD CONSTRAINT") || rest.startsWith("ADD FOREIGN KEY") || rest.startsWith("ADD CHECK")) {
                return new Read(rest.contains("NOT VALID") ? "ADD CONSTRAINT NOT VALID" : "ADD CONSTRAINT", table, false);
            }
            if (rest.contains("DROP ")) return new Read("ALTER TABLE DROP", table, false);
            if (rest.contains("RENAME")) return new Read("ALTER TABLE RENAME", table, false);
            if (rest.contains("SET NOT NULL")) return new Read("SET NOT NULL", table, false);
            if (rest.contains("SET DEFAULT")) return new Read("SET DEFAULT", table, false);
            if (rest.startsWith("ADD ")) return new Read("ADD COLUMN", table, false);
            return new Read("ALTER TABLE", table, false);
        }
        if (u.startsWith("DROP ")) {
            String[] w = u.split(" ");
            String object = w.length > 1 ? w[1] : "";
            boolean concurrently = u.contains(" CONCURRENTLY ");
            return new Read("DROP " + object, lastWord(s), concurrently);
        }
        if (u.matches("^CREATE\\s+(OR\\s+REPLACE\\s+)?(CONSTRAINT\\s+)?TRIGGER\\b.*")) return new Read("CREATE TRIGGER", "", false);
        if (u.matches("^CREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION\\b.*")) return new Read("CREATE FUNCTION", "", false);
        if (u.matches("^CREATE\\s+TABLE\\b.*")) return new Read("CREATE TABLE", "", false);
        if (u.startsWith("SELECT") || u.startsWith("SET ") || u.startsWith("SHOW")) return new Read("SELECT", "", false);
        if (u.startsWith("LOCK ")) return new Read("LOCK", lastWord(s), false);
        if (u.startsWith("ANALYZE") || u.startsWith("VACUUM")) return new Read("MAINTENANCE", lastWord(s), false);
        String first = u.split(" ")[0];
        return new Read("OTHER " + first, "", false);
    }

    private static String clean(String name) {
        String n = name.replace("\"", "");
        int paren = n.indexOf('(');
        if (paren > 0) n = n.substring(0, paren);
        if (n.startsWith("PUBLIC.") || n.startsWith("public.")) n = n.substring(7);
        return n.toLowerCase(Locale.ROOT).replaceAll("[,;]+$", "");
    }

    private static String lastWord(String s) {
        String[] w = s.trim().split(" ");
        return clean(w[w.length - 1]);
    }
}
