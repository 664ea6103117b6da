package pdmbot.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** GitLab's logical databases a post-deploy migration can apply to. */
public enum LogicalDatabase {
    MAIN("main"),
    CI("ci");

    private final String id;

    LogicalDatabase(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<LogicalDatabase> byId(String text) {
        if (text == null) return Optional.empty();
        for (LogicalDatabase d : values()) if (d.id.equalsIgnoreCase(text.trim())) return Optional.of(d);
        return Optional.empty();
    }

    /** Formats a set the way classify's tsv does: {@code main}, {@code ci} or {@code main,ci}. */
    public static String format(Set<LogicalDatabase> databases) {
        StringBuilder sb = new StringBuilder();
        for (LogicalDatabase d : EnumSet.copyOf(databases)) {
            if (sb.length() > 0) sb.append(',');
            sb.append(d.id);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
