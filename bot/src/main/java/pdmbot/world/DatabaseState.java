package pdmbot.world;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/**
 * Answers which post-deploy migrations ran on each environment's databases ({@code db/gstg}, {@code db/gprd};
 * main and ci), and records new runs.
 */
public interface DatabaseState {

    /** The versions that ran on the database, ordered by version. */
    List<MigrationRun> ranOn(Environment environment, LogicalDatabase database);

    /** When the version ran on the database; empty when it has not run there. */
    default Optional<Instant> ranAt(Environment environment, LogicalDatabase database, String version) {
        return ranOn(environment, database).stream()
                .filter(run -> run.version().equals(version))
                .map(MigrationRun::ranAt)
                .findFirst();
    }

    default boolean hasRun(Environment environment, LogicalDatabase database, String version) {
        return ranAt(environment, database, version).isPresent();
    }

    /** Records that a version ran; recording it again keeps the first time. */
    void recordRun(Environment environment, LogicalDatabase database, String version, Instant ranAt);

    /** Rejects canaries: post-deploy migrations run only on gstg and gprd. */
    static Environment requireDatabaseEnvironment(Environment environment) {
        if (!environment.hasPostDeployMigrations())
            throw new IllegalArgumentException("post-deploy migrations do not run on " + environment
                    + "; expected gstg or gprd");
        return environment;
    }
}
