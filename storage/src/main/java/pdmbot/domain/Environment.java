package pdmbot.domain;

import java.util.Arrays;
import java.util.Optional;

/** A deployment environment; post-deploy migrations are tracked on {@code db/gstg} and {@code db/gprd}. */
public enum Environment {
    GSTG_CNY("gstg-cny", false),
    GSTG("gstg", true),
    GPRD_CNY("gprd-cny", false),
    GPRD("gprd", true);

    private final String id;
    private final boolean hasPostDeployMigrations;

    Environment(String id, boolean hasPostDeployMigrations) {
        this.id = id;
        this.hasPostDeployMigrations = hasPostDeployMigrations;
    }

    /** The name release managers type: {@code gstg}, {@code gprd-cny}… */
    public String id() {
        return id;
    }

    /** Whether post-deploy migrations run on this environment (gstg and gprd, not canaries). */
    public boolean hasPostDeployMigrations() {
        return hasPostDeployMigrations;
    }

    /** The deployment environment that tracks post-deploy migrations here: {@code db/gstg}. */
    public String databaseEnvironment() {
        return "db/" + id;
    }

    public boolean isProduction() {
        return this == GPRD || this == GPRD_CNY;
    }

    public static Optional<Environment> byId(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase();
        if (t.startsWith("db/")) t = t.substring(3);
        String wanted = t;
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
