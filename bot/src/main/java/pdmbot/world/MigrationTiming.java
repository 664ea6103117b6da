package pdmbot.world;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.LogicalDatabase;

/**
 * One migration as a job log tells it: on which database (GitLab prefixes {@code main: } / {@code ci: }; empty when
 * the line had no prefix), its version and class name, and how long it took ({@code migrated (12.3456s)}); empty
 * when the log shows it {@code migrating} and never {@code migrated}: the one that failed, or is still running.
 */
public record MigrationTiming(Optional<LogicalDatabase> database, String version, String name, Optional<Duration> took) {

    public MigrationTiming {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(took, "took");
    }

    public boolean isUnfinished() {
        return took.isEmpty();
    }
}
