package pdmbot.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.runs.RunRecord;

/**
 * What a run tells those who watch it (metrics, Grafana annotations, the pending view), each call made after the
 * store recorded the fact. Watchers only observe: they are called on the run's thread, must be quick, and whatever
 * they throw is logged and dropped by {@link RunEventHub}, never failing the run.
 */
public interface RunEvents {

    /** A new run started (its checks passed); {@code environments} are the ones it migrates, in order. */
    default void runStarted(RunRecord run, List<Environment> environments) {
    }

    /** A step began its attempt. */
    default void stepStarted(RunRecord run, RunStep step, int attempt) {
    }

    /** A step ended, succeeded or failed, after {@code took}. */
    default void stepEnded(RunRecord run, RunStep step, boolean succeeded, Duration took) {
    }

    /**
     * The run recorded a migration as executed on the environment's database; {@code took} when the database's
     * record of when it ran tells it (from the previous migration of the step, or from the step's start).
     */
    default void migrationExecuted(RunRecord run, Environment environment, LogicalDatabase database, String version,
                                   String name, Optional<Duration> took) {
    }

    /** The run ended: succeeded or failed (as stored, {@code finishedAt} set when finished), or stopped by its checks. */
    default void runEnded(RunRecord run) {
    }
}
