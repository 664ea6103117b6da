package pdmbot.storage.runs;

import java.time.Instant;
import java.util.Objects;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/** A post-deploy migration a run executed on one environment's database. */
public record ExecutedMigration(long runId, Environment environment, LogicalDatabase database, String version, String name,
                                Instant executedAt) {

    public ExecutedMigration {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(database, "database");
        if (version == null || !version.matches("\\d{14}"))
            throw new IllegalArgumentException("a migration version has 14 digits: " + version);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(executedAt, "executedAt");
    }
}
