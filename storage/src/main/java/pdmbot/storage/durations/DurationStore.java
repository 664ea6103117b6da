package pdmbot.storage.durations;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/** The durations learnt from PDM job traces, one per environment, database and migration version. */
public interface DurationStore {

    /**
     * Keeps what a trace said. Reading the same trace again changes nothing new; a success replaces a failure, a
     * failure never replaces a success (a trace of a later, failed attempt does not erase what was measured).
     */
    void learn(MigrationDuration duration);

    /** What is known of one migration on one environment and database. */
    Optional<MigrationDuration> of(Environment environment, LogicalDatabase database, String version);

    /** Every duration learnt on an environment, oldest version first. */
    List<MigrationDuration> learntOn(Environment environment);
}
