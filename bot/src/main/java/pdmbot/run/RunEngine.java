package pdmbot.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.Reply;
import pdmbot.ledger.Times;
import pdmbot.rules.checks.CheckReport;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;

/**
 * Carries out a run's steps in order from its first unfinished one, recording each step's start, end and outcome.
 * A failing step (a failed pipeline, a world error) fails the run there and says why; nothing is retried
 * automatically. Everything the run does to the world goes through {@link Effects}, so driving a run again after
 * a crash finishes it without doing anything twice. A resumed run takes its locks back first, and a run resumed
 * after a stop passes the production checks of that moment before it changes an environment.
 */
final class RunEngine {

    /** Whether the production checks were made for this drive (a new run, a confirmed retry) or must come first. */
    enum Checks { MADE, BEFORE_CHANGES }

    private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

    private final RunStore store;
    private final RunChecks checks;
    private final RunResources resources;
    private final Announcements announcements;
    private final String owner;
    private final RunEvents events;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    RunEngine(RunStore store, RunChecks checks, RunResources resources, Announcements announcements, String owner) {
        this(store, checks, resources, announcements, owner, new RunEvents() { });
    }

    RunEngine(RunStore store, RunChecks checks, RunResources resources, Announcements announcements, String owner,
              RunEvents events) {
        this.store = store;
        this.checks = checks;
        this.resources = resources;
        this.announcements = announcements;
        this.owner = owner;
        this.events = events;
    }

    void addListener(RunListener listener) {
        listeners.add(listener);
    }

    String owner() {
        return owner;
    }

    /** Drives the run (which this instance owns, in attempt {@code runAttempt}) until it succeeds, fails, or is taken over. */
    void drive(long runId, int runAttempt, Checks checked) {
        List<StepRecord> stored = store.steps(runId);
        List<RunStep> steps = stored.stream().map(RunStep::of).toList();
        boolean mustCheck = checked == Checks.BEFORE_CHANGES;
        boolean relocked = false;
        for (int i = 0; i < stored.size(); i++) {
            StepRecord record = stored.get(i);
            if (record.state() == StepState.SUCCEEDED) continue;
            RunStep step = steps.get(i);
            RunRecord run = store.run(runId).orElseThrow();
            if (!store.heartbeat(runId, owner)) {
                log.info("run {} is no longer driven by {}; stopping", runId, owner);
                return;
            }
            if (!relocked) {
                relocked = true;
                Optional<StepResult.Failed> refused = relockIfLocked(run, steps, stored, step, record);
                if (refused.isPresent()) {
                    fail(new RunContext(run, steps, step, Math.max(1, record.attempt()), store, resources, announcements, owner),
                            record, refused.get(), step.id() + "/run-attempt-" + runAttempt + "/locks");
                    store.run(runId).ifPresent(events::runEnded);
                    return;
                }
            }
            if (mustCheck && step.changesAnEnvironment() && record.state() != StepState.RUNNING) {
                mustCheck = false;
                Optional<StepResult.Failed> stopped = checkBefore(run, steps, step, runAttempt);
                if (stopped.isPresent()) {
                    fail(new RunContext(run, steps, step, Math.max(1, record.attempt()), store, resources, announcements, owner),
                            record, stopped.get(), step.id() + "/run-attempt-" + runAttempt + "/checks");
                    store.run(runId).ifPresent(events::runEnded);
                    return;
                }
            }
            int attempt = store.stepStarted(runId, record.number());
            RunContext context = new RunContext(run, steps, step, attempt, store, resources, announcements, owner);
            Instant stepStart = resources.clock().instant();
            Set<String> executedBefore = step.kind() == StepKind.MIGRATIONS ? RunWatch.executedSoFar(store, runId) : Set.of();
            events.stepStarted(run, step, attempt);
            StepResult result;
            try {
                result = perform(context);
            } catch (RunContext.LostOwnership lost) {
                log.info("{}; stopping", lost.getMessage());
                return;
            } catch (RuntimeException e) {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("[{}] run {} step {} failed", id, runId, step.id(), e);
                result = StepResult.Failed.of(step.description(RunPlan.words(context.environments())) + " failed: " + e.getMessage()
                        + " (log id " + id + ")");
            }
            if (step.kind() == StepKind.MIGRATIONS) RunWatch.executedInStep(events, store, resources, run, executedBefore, stepStart);
            if (result instanceof StepResult.Failed failed) {
                fail(context, record, failed, step.id() + "/attempt-" + attempt + "/failed");
                events.stepEnded(run, step, false, Duration.between(stepStart, resources.clock().instant()));
                store.run(runId).ifPresent(events::runEnded);
                return;
            }
            if (result instanceof StepResult.Done done) store.stepSucceeded(runId, record.number(), done.outcome());
            events.stepEnded(run, step, true, Duration.between(stepStart, resources.clock().instant()));
        }
        store.finish(runId, "succeeded: " + store.executed(runId).size() + " post-deploy migration(s) executed");
        store.run(runId).ifPresent(events::runEnded);
        for (RunListener listener : listeners) {
            try {
                listener.runSucceeded(runId);
            } catch (RuntimeException e) {
                log.error("a run listener failed on run {} succeeding", runId, e);
            }
        }
    }

    private static StepResult perform(RunContext context) {
        RunStep step = context.step();
        return switch (step.kind()) {
            case LOCK -> LockSteps.lock(context);
            case ANNOUNCE_START -> RunReport.announceStart(context);
            case MIGRATIONS -> MigrationStep.run(context, step.environment());
            case QA -> QaStep.run(context, step.environment());
            case UNLOCK -> LockSteps.unlock(context);
            case RELEASE_NOTE -> RunReport.releaseNote(context);
            case ANNOUNCE_END -> RunReport.announceEnd(context);
        };
    }

    /** A run past its lock step and before its unlock takes back any lock someone released while it was stopped. */
    private Optional<StepResult.Failed> relockIfLocked(RunRecord run, List<RunStep> steps, List<StepRecord> stored, RunStep at,
                                                       StepRecord record) {
        boolean locked = false;
        boolean unlocked = false;
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).state() != StepState.SUCCEEDED) continue;
            if (steps.get(i).kind() == StepKind.LOCK) locked = true;
            if (steps.get(i).kind() == StepKind.UNLOCK) unlocked = true;
        }
        if (!locked || unlocked) return Optional.empty();
        RunContext context = new RunContext(run, steps, at, Math.max(1, record.attempt()), store, resources, announcements, owner);
        StepResult result = LockSteps.relock(context);
        if (result instanceof StepResult.Failed failed) return Optional.of(failed);
        String retaken = result instanceof StepResult.Done done ? done.outcome() : "";
        if (!retaken.isEmpty()) {
            log.info("run {}: {} (unlocked while the run was stopped)", run.id(), retaken);
            announcements.announce(RunContext.topic(run.id()), Reply.ok("PDM run #" + run.id() + " " + retaken
                    + ": it had been unlocked while the run was stopped."));
        }
        return Optional.empty();
    }

    /** The checks of this moment before a resumed run changes an environment; kept with the attempt. */
    private Optional<StepResult.Failed> checkBefore(RunRecord run, List<RunStep> steps, RunStep step, int runAttempt) {
        CheckReport report = checks.evaluateFor(run.id(), RunContext.environmentsOf(steps)).report();
        store.attemptChecked(run.id(), runAttempt, RunReplies.checkLines(report));
        if (report.verdict().allowsTheRun()) return Optional.empty();
        return Optional.of(StepResult.Failed.of("the production checks of " + Times.utc(resources.clock().instant())
                + " stop the resumed run before " + step.id() + ": " + RunReplies.stoppers(report)));
    }

    private void fail(RunContext context, StepRecord record, StepResult.Failed failed, String announcementKey) {
        long runId = context.runId();
        RunStep step = context.step();
        store.stepFailed(runId, record.number(), failed.summary());
        Reply.Builder message = Reply.builder(Reply.Outcome.FAILED)
                .heading("PDM run #" + runId + " failed at step " + step.id())
                .text(failed.summary());
        if (!failed.jobUrl().isBlank()) message.text("Job: " + failed.jobUrl());
        message.text(RunPlan.words(context.environments()) + " stay locked by the run. A failed post-deploy migration is never"
                + " retried automatically: triage it, then `pdm retry " + runId + "` resumes from " + step.id() + ".");
        context.announce(announcementKey, message.build());
        RunFailed event = new RunFailed(runId, step, context.attempt(), failed.summary(), failed.migrationVersion(),
                failed.error(), failed.jobUrl());
        for (RunListener listener : listeners) {
            try {
                listener.runFailed(event);
            } catch (RuntimeException e) {
                log.error("a run listener failed on run {} failing", runId, e);
            }
        }
    }

    /** The step a run is at: its first step not succeeded. */
    static Optional<StepRecord> currentStep(RunStore store, long runId) {
        return store.steps(runId).stream().filter(s -> s.state() != StepState.SUCCEEDED).findFirst();
    }
}
