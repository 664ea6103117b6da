package pdmbot.run;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.Reply;
import pdmbot.rules.checks.CheckReport;
import pdmbot.rules.checks.Verdict;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StartOutcome;
import pdmbot.storage.runs.StepRecord;

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
    public sealed interface RetryResult permits Resumed, NotRetryable {
    }

    public record Resumed(RunRecord run, StepRecord from) implements RetryResult {
    }

    public record NotRetryable(String reason) implements RetryResult {
    }

    private static final Logger log = LoggerFactory.getLogger(RunService.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(20);

    private final RunStore store;
    private final RunChecks checks;
    private final RunEngine engine;
    private final Announcements announcements;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pdm-run");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<?>> driving = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pdm-run-watch");
        t.setDaemon(true);
        return t;
    });

    public RunService(RunStore store, RunChecks checks, RunResources resources, Announcements announcements, String owner,
                      Duration lease) {
        this.store = store;
        this.checks = checks;
        this.engine = new RunEngine(store, resources, announcements, owner);
        this.announcements = announcements;
        this.clock = resources.clock();
        this.lease = lease;
    }

    public void addListener(RunListener listener) {
        engine.addListener(listener);
    }

    public RunStore store() {
        return store;
    }

    public RunChecks.Result check() {
        return checks.evaluate();
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
        CheckReport report = result.report();
        String checkLines = RunReplies.checkLines(report);
        if (!report.verdict().allowsTheRun()) {
            // Checks made while another instance started a run see that run's locks: name the run, not its locks.
            Optional<RunRecord> active = store.active();
            if (active.isPresent()) return new Busy(active.get());
            RunState state = report.verdict() == Verdict.CANCEL ? RunState.CANCELLED : RunState.REFUSED;
            String why = report.stoppers().stream().map(o -> o.reason()).reduce((a, b) -> a + "; " + b).orElse("");
            return new Stopped(store.recordStopped(startedBy, checkLines, state, state.id() + ": " + why), report);
        }
        StartOutcome outcome = store.start(startedBy, checkLines, RunStep.ids(), engine.owner());
        if (outcome instanceof StartOutcome.AlreadyActive busy) return new Busy(busy.active());
        RunRecord run = ((StartOutcome.Started) outcome).run();
        submit(run.id());
        return new Started(run);
    }

    /** Resumes a failed run (or one a stopped instance left running) from its first unfinished step. */
    public RetryResult retry(long runId) {
        Optional<RunRecord> found = store.run(runId);
        if (found.isEmpty()) return new NotRetryable("there is no run #" + runId + "; `pdm runs` lists them");
        RunRecord run = found.get();
        if (!run.isActive())
            return new NotRetryable("run #" + runId + " is " + run.state().id() + "; only a failed or interrupted run can be retried");
        if (!store.takeOver(runId, engine.owner(), clock.instant().minus(lease)))
            return new NotRetryable("run #" + runId + " is running on " + run.owner() + " (alive "
                    + Durations.between(run.heartbeatAt(), clock.instant()) + " ago); wait for it to end or fail");
        StepRecord from = currentStep(runId).orElseThrow();
        submit(runId);
        return new Resumed(store.run(runId).orElseThrow(), from);
    }

    /**
     * On start: a run a crash left running is resumed ({@code resume}) or announced with how to resume it ({@code ask}).
     * A failed run waits for {@code pdm retry}. Returns the unfinished run, if any.
     */
    public Optional<RunRecord> pickUpUnfinished(boolean resume) {
        Optional<RunRecord> active = store.active();
        if (active.isEmpty() || active.get().state() != RunState.RUNNING) return active;
        RunRecord run = active.get();
        String step = currentStep(run.id()).map(StepRecord::name).orElse("the end");
        if (!resume) {
            announcements.announce(RunContext.topic(run.id()), Reply.ok("PDM run #" + run.id() + " (started by "
                    + run.startedBy() + ") was left unfinished at step " + step + ". A release manager resumes it with `pdm retry "
                    + run.id() + "`."));
            return active;
        }
        if (store.takeOver(run.id(), engine.owner(), clock.instant().minus(lease))) {
            announcements.announce(RunContext.topic(run.id()), Reply.ok("Resuming PDM run #" + run.id() + " at step " + step + "."));
            submit(run.id());
        } else {
            log.info("run {} is still driven by {}; not resuming it", run.id(), run.owner());
        }
        return active;
    }

    /**
     * Takes over the active run when the instance driving it has been silent longer than the lease (it died), and
     * drives it to its end. Returns the run taken over, if any. Several instances may try; one wins.
     */
    public Optional<RunRecord> adoptAbandoned() {
        Optional<RunRecord> active = store.active();
        if (active.isEmpty() || active.get().state() != RunState.RUNNING || engine.owner().equals(active.get().owner()))
            return Optional.empty();
        RunRecord run = active.get();
        if (!store.takeOver(run.id(), engine.owner(), clock.instant().minus(lease))) return Optional.empty();
        String step = currentStep(run.id()).map(StepRecord::name).orElse("the end");
        announcements.announce(RunContext.topic(run.id()), Reply.ok(engine.owner() + " takes over PDM run #" + run.id()
                + " at step " + step + ": " + run.owner() + " has been silent for "
                + Durations.between(run.heartbeatAt(), clock.instant()) + "."));
        submit(run.id());
        return Optional.of(run);
    }

    /** Looks for an abandoned run every {@code period} (used with {@code run.on-unfinished: resume}). */
    public void watchForAbandonedRuns(Duration period) {
        watcher.scheduleWithFixedDelay(() -> {
            try {
                adoptAbandoned();
            } catch (RuntimeException e) {
                log.warn("could not look for an abandoned run: {}", e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void submit(long runId) {
        driving.add(worker.submit(() -> {
            try {
                engine.drive(runId);
            } catch (RuntimeException e) {
                // The store itself failed: the run stays running, its heartbeat goes stale, and it is picked up again.
                log.error("driving run {} stopped", runId, e);
            }
        }));
    }

    /** Waits until every run this instance drives has stopped moving; for tests and shutdown. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : driving) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                // an Error (a simulated crash in tests) ended the drive; the run stays as the store has it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        driving.removeIf(Future::isDone);
        return true;
    }

    /**
     * Stops: a run being driven gets a short grace to reach its end (a demo run, a {@code say} that started one);
     * past it the run is left running where it is, and the next start (or another instance) resumes it.
     */
    @Override
    public void close() {
        watcher.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) worker.shutdownNow();
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
