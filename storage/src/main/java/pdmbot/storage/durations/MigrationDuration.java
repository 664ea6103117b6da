package pdmbot.storage.durations;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/**
 * How long a post-deploy migration took on one environment and database, as a job trace told it, with the nature and
 * table size the classification gave it then. {@code took} is empty when the trace shows it failed; {@code source}
 * names where it was learnt (the job's URL or id).
 */
public record MigrationDuration(Environment environment, LogicalDatabase database, String version, String name,
                                String nature, String tableSize, Optional<Duration> took, String source, Instant learntAt) {

    public MigrationDuration {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(version, "version");
        if (!version.matches("\\d{14}")) throw new IllegalArgumentException("a migration version is 14 digits: " + version);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(tableSize, "tableSize");
        Objects.requireNonNull(took, "took");
        if (took.isPresent() && took.get().isNegative()) throw new IllegalArgumentException("a negative duration: " + took.get());
        source = source == null ? "" : source;
        Objects.requireNonNull(learntAt, "learntAt");
    }

    public boolean hasFailed() {
        return took.isEmpty();
    }
}
