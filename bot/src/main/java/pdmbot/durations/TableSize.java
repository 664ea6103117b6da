package pdmbot.durations;

import java.util.Locale;

/** How big the tables a migration touches are, as far as the classification tells: the second key of "similar". */
public enum TableSize {
    /** A classification reason names a large table (a rule "… on a large table …" fired). */
    LARGE,
    /** No reason names a large table. */
    ORDINARY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TableSize byId(String id) {
        return "large".equalsIgnoreCase(id) ? LARGE : ORDINARY;
    }
}
