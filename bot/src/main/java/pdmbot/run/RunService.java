package pdmbot.run;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.rules.checks.CheckReport;
import pdmbot.rules.checks.Verdict;
import pdmbot.storage.runs.AttemptState;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunScope;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StartOutcome;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;

/**
 * The PDM run feature as commands see it: check, start (at most one active run across instances), retry a failed
 * run, and pick up a run a crash left unfinished. Runs are driven on a background thread of this instance.
 */
public final class RunService implements AutoCloseable {

    /** What starting a run gave. */
    public sealed interface StartResult permits Started, Stopped, Busy {
    }

    /** The run started and is being driven. */
    public record Started(RunRecord run) implements StartResult {
    }

    /** The checks cancelled or refused it; recorded in the history. */
    public record Stopped(RunRecord run, CheckReport report) implements StartResult {
    }

    /** Another run is active (on this instance or another). */
    public record Busy(RunRecord active) implements StartResult {
    }

    /** What retrying a run gave. */
    public sealed interface RetryResult permits Resumed, RetryStopped, NotRetryable {
    }

    /**
     * The retry goes on as run attempt {@code runAttempt}, from step {@code from}, in that step's attempt
     * {@code stepAttempt} (the same one when the step was found running: its instance stopped mid-step).
     */
    public record Resumed(RunRecord run, StepRecord from, int stepAttempt, int runAttempt, CheckReport report)
            implements RetryResult {
    }

    /** The production checks of this moment refused or cancelled the retry; recorded as attempt {@code runAttempt}. */
    public record RetryStopped(RunRecord run, CheckReport report, int runAttempt, AttemptState state) implements RetryResult {
    }

    public record NotRetryable(String reason) implements RetryResult {
    }

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final RunStore store;
    private final RunChecks checks;
    private final RunPlan plan;
    private final RunEngine engine;
    private final Clock clock;
    private final Duration lease;
    private final RunDriver driver;
    private final MigrationTimes durations;
    private final UnfinishedRuns unfinished;
    private final RunEventHub events = new RunEventHub();

    public RunService(RunStore store, RunChecks checks, RunPlan plan, RunResources resources, Announcements announcements,
                      String owner, Duration lease) {
        this.store = store;
        this.checks = checks;
        this.plan = plan;
        this.engine = new RunEngine(store, checks, resources, announcements, owner, events);
        this.driver = new RunDriver(engine);
        this.clock = resources.clock();
        this.lease = lease;
        this.durations = resources.durations();
        this.unfinished = new UnfinishedRuns(store, engine, driver, announcements, clock, lease);
    }

    /** How long the pending migrations of {@code pending} are expected to take, in a line (empty when none are). */
    public String expected(PendingPlan pending) {
        return ExpectedRun.line(pending, durations);
    }

    /** Adds a listener told when a run this instance drives fails at a step or succeeds (the triage dialogue). */
    public void addListener(RunListener listener) {
        engine.addListener(listener);
    }

    public RunStore store() {
        return store;
    }

    /** Where watchers (metrics, annotations, the pending view) subscribe to what runs do. */
    public RunEventHub events() {
        return events;
    }

    /** The steps a new run gets. */
    public RunPlan plan() {
        return plan;
    }

    /** What is pending now on the environments new runs migrate. */
    public PendingPlan pending() {
        return checks.pending(plan.environments());
    }

    /** The checks before a new run. */
    public RunChecks.Result check() {
        return checks.evaluate(plan.environments());
    }

    /** The checks before resuming the run, on its own environments. */
    public RunChecks.Result checkRetry(long runId) {
        return checks.evaluateFor(runId, RunContext.environmentsOf(steps(runId)));
    }

    /** The run's own steps, as stored when it started. */
    public List<RunStep> steps(long runId) {
        return store.steps(runId).stream().map(RunStep::of).toList();
    }

    public Optional<RunRecord> active() {
        return store.active();
    }

    /** The step the run is at (its first not succeeded), if any. */
    public Optional<StepRecord> currentStep(long runId) {
        return RunEngine.currentStep(store, runId);
    }

    /** Starts a run on checks just made: records it stopped when they stop it, else starts it unless one is active. */
    public StartResult start(String startedBy, RunChecks.Result result) {
        return start(startedBy, result, Optional.empty());
    }

    /** As above, limited to {@code scope} when present (a subset, stored with the run: resumes and retries keep it). */
    public StartResult start(String startedBy, RunChecks.Result result, Optional<RunScope> scope) {
        CheckReport report = result.report();
        String checkLines = RunReplies.checkLines(report);
        if (!report.verdict().allowsTheRun()) {
            // Checks made while another instance started a run see that run's locks: name the run, not its locks.
            Optional<RunRecord> active = store.active();
            if (active.isPresent()) return new Busy(active.get());
            RunState state = report.verdict() == Verdict.CANCEL ? RunState.CANCELLED : RunState.REFUSED;
            String why = report.stoppers().stream().map(o -> o.reason()).reduce((a, b) -> a + "; " + b).orElse("");
            RunRecord stopped = store.recordStopped(startedBy, checkLines, state, state.id() + ": " + why);
            events.runEnded(stopped);
            return new Stopped(stopped, report);
        }
        StartOutcome outcome = store.start(startedBy, checkLines, plan.specs(), engine.owner(), scope);
        if (outcome instanceof StartOutcome.AlreadyActive busy) return new Busy(busy.active());
        if (!(outcome instanceof StartOutcome.Started started))
            throw new IllegalStateException("a start outcome that is none of its permitted cases: " + outcome);
        RunRecord run = started.run();
        events.runStarted(run, plan.environments());
        submit(run.id(), 1, RunEngine.Checks.MADE);
        return new Started(run);
    }

    /**
     * Resumes a failed run (or one a stopped instance left running) from its first unfinished step, after the
     * production checks of this moment: they stop it as they would stop a new run (FAIL refuses, CANCEL cancels the
     * retry; the run stays failed and keeps its locks), and each outcome is recorded as an attempt of the run.
     */
    public RetryResult retry(long runId, String retriedBy) {
        Optional<RunRecord> found = store.run(runId);
        if (found.isEmpty()) return new NotRetryable("there is no run #" + runId + "; `pdm runs` lists them");
        RunRecord run = found.get();
        if (!run.isActive())
            return new NotRetryable("run #" + runId + " is " + run.state().id() + "; only a failed or interrupted run can be retried");
        if (isDrivenElsewhere(run)) return drivenElsewhere(run);
        StepRecord from = currentStep(runId).orElseThrow();
        CheckReport report = checkRetry(runId).report();
        String lines = RunReplies.checkLines(report);
        if (!report.verdict().allowsTheRun()) {
            AttemptState state = report.verdict() == Verdict.CANCEL ? AttemptState.CANCELLED : AttemptState.REFUSED;
            int attempt = store.recordStoppedAttempt(runId, retriedBy, from.name(), lines, state,
                    "retry " + state.id() + " by the checks: " + RunReplies.stoppers(report));
            return new RetryStopped(run, report, attempt, state);
        }
        if (!store.takeOver(runId, engine.owner(), clock.instant().minus(lease))) return drivenElsewhere(store.run(runId).orElse(run));
        int runAttempt = store.beginAttempt(runId, retriedBy, from.name(), lines);
        submit(runId, runAttempt, RunEngine.Checks.MADE);
        int stepAttempt = from.state() == StepState.RUNNING ? Math.max(1, from.attempt()) : from.attempt() + 1;
        return new Resumed(store.run(runId).orElseThrow(), from, stepAttempt, runAttempt, report);
    }

    private boolean isDrivenElsewhere(RunRecord run) {
        return run.state() == RunState.RUNNING && run.owner() != null && !run.owner().equals(engine.owner())
                && run.heartbeatAt() != null && !run.heartbeatAt().isBefore(clock.instant().minus(lease));
    }

    private NotRetryable drivenElsewhere(RunRecord run) {
        return new NotRetryable("run #" + run.id() + " is running on " + run.owner() + " (alive "
                + Durations.between(run.heartbeatAt(), clock.instant()) + " ago); wait for it to end or fail");
    }

    /**
     * On start: a run a crash left running is resumed ({@code resume}) or announced with how to resume it ({@code ask}).
     * A failed run waits for {@code pdm retry}. Returns the unfinished run, if any.
     */
    public Optional<RunRecord> pickUpUnfinished(boolean resume) {
        return unfinished.pickUp(resume);
    }

    /**
     * Takes over the active run when the instance driving it has been silent longer than the lease (it died), and
     * drives it to its end. Returns the run taken over, if any. Several instances may try; one wins.
     */
    public Optional<RunRecord> adoptAbandoned() {
        return unfinished.adoptAbandoned();
    }

    /** Looks for an abandoned run every {@code period} (used with {@code run.on-unfinished: resume}). */
    public void watchForAbandonedRuns(Duration period) {
        driver.every(period, () -> {
            try {
                adoptAbandoned();
            } catch (RuntimeException e) {
                log.warn("could not look for an abandoned run: {}", e.getMessage());
            }
        });
    }

    private void submit(long runId, int runAttempt, RunEngine.Checks checked) {
        driver.submit(runId, runAttempt, checked);
    }

    /**
     * Stops driving the active run, if this instance drives it, and leaves it to any other instance: the owner is
     * cleared, the drive stops at its next heartbeat (a step boundary or a pipeline poll; whatever it did is claimed,
     * so the next instance goes on without repeating it), and a serving instance takes it over at once. Returns the
     * run handed over. For a one-shot {@code say} that must exit while its run goes on.
     */
    public Optional<RunRecord> handOver(Duration timeout) {
        Optional<RunRecord> active = store.active();
        if (active.isEmpty() || active.get().state() != RunState.RUNNING || !store.release(active.get().id(), engine.owner()))
            return Optional.empty();
        if (!awaitIdle(timeout)) log.warn("run {} was handed over but its drive did not stop within {}", active.get().id(), timeout);
        return store.run(active.get().id());
    }

    /** Whether this instance drives the run now. */
    public boolean drives(RunRecord run) {
        return engine.owner().equals(run.owner());
    }

    /** Waits until every run this instance drives has stopped moving; for tests and shutdown. */
    public boolean awaitIdle(Duration timeout) {
        return driver.awaitIdle(timeout);
    }

    /**
     * Stops: a run being driven gets a short grace to reach its end (a demo run, a {@code say} that started one);
     * past it the run is left running where it is, and the next start (or another instance) resumes it.
     */
    @Override
    public void close() {
        driver.close();
    }
}
