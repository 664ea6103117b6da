package pdmbot.world;

import java.time.Instant;
import java.util.Objects;

/** A post-deploy migration version that ran on a database, like a {@code schema_migrations} row. */
public record MigrationRun(String version, Instant ranAt) {

    public MigrationRun {
        if (version == null || !version.matches("\\d{14}"))
            throw new IllegalArgumentException("a migration version has 14 digits: " + version);
        Objects.requireNonNull(ranAt, "ranAt");
    }
}
