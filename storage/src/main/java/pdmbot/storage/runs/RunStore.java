package pdmbot.storage.runs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/**
 * PDM runs, their steps, what they executed and the side effects they made, shared by every instance on one
 * database: at most one run is active at a time, and a side effect is claimed once per run and key.
 */
public interface RunStore {

    /**
     * Starts a run with its steps (all pending) driven by {@code owner}; when another run is active, nothing is
     * written and that run is returned. The run's attempt 1 is recorded with it (by {@code startedBy}, on {@code checks}). Exactly one of two instances racing gets {@link StartOutcome.Started}.
     */
    default StartOutcome start(String startedBy, String checks, List<StepSpec> steps, String owner) {
        return start(startedBy, checks, steps, owner, Optional.empty());
    }

    /**
     * As {@link #start(String, String, List, String)}, limited to {@code scope} when present ({@code pdm execute --only}):
     * the scope is written in the same transaction, so a run never exists without the scope it was started with.
     */
    StartOutcome start(String startedBy, String checks, List<StepSpec> steps, String owner, Optional<RunScope> scope);

    /** The subset the run is limited to; empty for a whole run. */
    Optional<RunScope> scope(long runId);

    /**
     * Every migration a run of a subset executed on the environment's database, version order: on GitLab no
     * deployment records them (a {@code db/X} deployment would claim the whole package), so the bot keeps them.
     */
    List<ExecutedMigration> executedBySubsets(Environment environment, LogicalDatabase database);

    /** Records a run its checks cancelled or refused (history only, never active). */
    RunRecord recordStopped(String startedBy, String checks, RunState state, String outcome);

    Optional<RunRecord> run(long id);

    /** The active run (running or failed), if any. */
    Optional<RunRecord> active();

    /** The newest runs first, at most {@code limit}. */
    List<RunRecord> recent(int limit);

    List<StepRecord> steps(long runId);

    /**
     * Marks the step running and returns its attempt number (1 for the first). Starting a pending or failed step
     * counts a new attempt; starting a step found running (its instance stopped mid-step) goes on with the same one.
     */
    int stepStarted(long runId, int number);

    void stepSucceeded(long runId, int number, String outcome);

    /** Marks the step, the run and its running attempt failed; the run stays active, its owner is cleared. */
    void stepFailed(long runId, int number, String outcome);

    /** Finishes the run and its running attempt (succeeded): it is no longer active. */
    void finish(long runId, String outcome);

    /**
     * Records a new attempt of a run this instance just took over (a retry, a resume after a stop), starting at
     * {@code fromStep}; an attempt still marked running is marked interrupted. Returns its number.
     */
    int beginAttempt(long runId, String startedBy, String fromStep, String checks);

    /** Records a retry the production checks refused or cancelled (nothing ran); returns its number. */
    int recordStoppedAttempt(long runId, String startedBy, String fromStep, String checks, AttemptState state, String outcome);

    /** Keeps the production checks an attempt was made on (a resumed run checks before its next environment step). */
    void attemptChecked(long runId, int attempt, String checks);

    /** Every attempt of the run, first first (none for runs stored before attempts were kept). */
    List<RunAttempt> attempts(long runId);

    /**
     * Takes over a failed run, a running one already this owner's (its previous life stopped), or a running one whose
     * owner's heartbeat is older than {@code staleBefore}; only one of several instances trying gets it.
     */
    boolean takeOver(long runId, String owner, Instant staleBefore);

    /**
     * The owner stops driving the running run and leaves it to any other instance (a one-shot {@code say} handing it
     * over): the owner is cleared, so the next instance to look takes it over at once. False when it was not its own.
     */
    boolean release(long runId, String owner);

    /** The owner says it is alive; false when the run is no longer its own. */
    boolean heartbeat(long runId, String owner);

    /** Records an executed migration; recording the same environment, database and version again changes nothing. */
    void recordExecuted(long runId, Environment environment, LogicalDatabase database, String version, String name);

    List<ExecutedMigration> executed(long runId);

    /** The run that executed the version on the environment's database, if a run did. */
    Optional<ExecutedMigration> runThatExecuted(Environment environment, LogicalDatabase database, String version);

    /** Claims a side effect of the run. */
    EffectClaim claim(long runId, String key);

    /** Marks a claimed side effect made, with its result (an id, a link; may be empty). */
    void effectDone(long runId, String key, String result);

    /** Forgets a claim whose effect was not made (the world refused it), so that a retry makes it. */
    void releaseClaim(long runId, String key);

    List<SideEffect> effects(long runId);
}
