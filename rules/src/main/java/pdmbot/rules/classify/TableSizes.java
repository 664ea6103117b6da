package pdmbot.rules.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which tables are large. Reads a flat {@code table: size} list (the shape of {@code config/table-sizes.yaml}):
 * a size is a word ({@code small}, {@code medium}, {@code large}, {@code over_limit}) or a row count
 * ({@code 1_200_000_000}); a row count at or above {@link #LARGE_ROWS} is large. Comments and blank lines
 * are ignored; unreadable lines are skipped.
 */
public final class TableSizes {

    public static final long LARGE_ROWS = 10_000_000L;
    public static final String DEFAULT_RESOURCE = "pdmbot/rules/table-sizes.default.yaml";

    private final Map<String, String> sizes;

    private TableSizes(Map<String, String> sizes) {
        // sorted, not Map.copyOf: its iteration order is salted per JVM, and the classification fingerprint is made
        // from this map's text, so each restart had another fingerprint and classified everything again
        this.sizes = java.util.Collections.unmodifiableMap(new TreeMap<>(sizes));
    }

    public static TableSizes none() {
        return new TableSizes(Map.of());
    }

    public static TableSizes of(Map<String, String> sizes) {
        Map<String, String> normalised = new TreeMap<>();
        sizes.forEach((t, s) -> normalised.put(t.trim().toLowerCase(Locale.ROOT), s.trim().toLowerCase(Locale.ROOT)));
        return new TableSizes(normalised);
    }

    /** Parses a flat {@code table: size} list; never throws. */
    public static TableSizes parse(String yamlLikeText) {
        Map<String, String> sizes = new TreeMap<>();
        if (yamlLikeText == null) return new TableSizes(sizes);
        for (String raw : yamlLikeText.split("\\R")) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            line = line.strip();
            if (line.startsWith("- ")) line = line.substring(2).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String table = unquote(line.substring(0, colon)).toLowerCase(Locale.ROOT);
            String size = unquote(line.substring(colon + 1)).toLowerCase(Locale.ROOT);
            if (table.isEmpty() || size.isEmpty()) continue;
            sizes.put(table, size);
        }
        return new TableSizes(sizes);
    }

    /** The sizes shipped with pdm-bot ({@value #DEFAULT_RESOURCE}). */
    public static TableSizes defaults() {
        try (InputStream in = TableSizes.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) return none();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DEFAULT_RESOURCE, e);
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1);
        }
        return t.strip();
    }

    /** The size as configured, when the table is listed. */
    public Optional<String> sizeOf(String table) {
        return Optional.ofNullable(sizes.get(table.toLowerCase(Locale.ROOT)));
    }

    public boolean isLarge(String table) {
        if (table == null || table.isEmpty()) return false;
        String size = sizes.get(table.toLowerCase(Locale.ROOT));
        if (size == null) return false;
        if (size.equals("large") || size.equals("over_limit") || size.equals("huge") || size.equals("very_large")) return true;
        try {
            return Long.parseLong(size.replace("_", "").replace(",", "")) >= LARGE_ROWS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public Map<String, String> asMap() {
        return sizes;
    }
}
