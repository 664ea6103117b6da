package pdmbot.run;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.Reply;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;

/**
 * Carries out a run's steps in order from its first unfinished one, recording each step's start, end and outcome.
 * A failing step (a failed pipeline, a world error) fails the run there and says why; nothing is retried
 * automatically. Everything the run does to the world goes through {@link Effects}, so driving a run again after
 * a crash finishes it without doing anything twice.
 */
final class RunEngine {

    private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

    private final RunStore store;
    private final RunResources resources;
    private final Announcements announcements;
    private final String owner;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    RunEngine(RunStore store, RunResources resources, Announcements announcements, String owner) {
        this.store = store;
        this.resources = resources;
        this.announcements = announcements;
        this.owner = owner;
    }

    void addListener(RunListener listener) {
        listeners.add(listener);
    }

    String owner() {
        return owner;
    }

    /** Drives the run (which this instance owns) until it succeeds, fails at a step, or is taken over. */
    void drive(long runId) {
        for (StepRecord step : store.steps(runId)) {
            if (step.state() == StepState.SUCCEEDED) continue;
            RunRecord run = store.run(runId).orElseThrow();
            if (!store.heartbeat(runId, owner)) {
                log.info("run {} is no longer driven by {}; stopping", runId, owner);
                return;
            }
            RunStep which = RunStep.byNumber(step.number());
            int attempt = store.stepStarted(runId, step.number());
            RunContext context = new RunContext(run, attempt, store, resources, announcements, owner);
            StepResult result;
            try {
                result = perform(which, context);
            } catch (RunContext.LostOwnership lost) {
                log.info("{}; stopping", lost.getMessage());
                return;
            } catch (RuntimeException e) {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("[{}] run {} step {} failed", id, runId, which.id(), e);
                result = StepResult.Failed.of(which.description() + " failed: " + e.getMessage() + " (log id " + id + ")");
            }
            if (result instanceof StepResult.Failed failed) {
                fail(context, which, failed);
                return;
            }
            store.stepSucceeded(runId, step.number(), ((StepResult.Done) result).outcome());
        }
        store.finish(runId, "succeeded: " + store.executed(runId).size() + " post-deploy migration(s) executed");
        for (RunListener listener : listeners) listener.runSucceeded(runId);
    }

    private static StepResult perform(RunStep step, RunContext context) {
        switch (step) {
            case LOCK:
                return LockSteps.lock(context);
            case ANNOUNCE_START:
                return RunReport.announceStart(context);
            case GSTG:
            case GPRD:
                return MigrationStep.run(context, step.environment().orElseThrow());
            case QA_GSTG:
                return QaStep.run(context);
            case UNLOCK:
                return LockSteps.unlock(context);
            case RELEASE_NOTE:
                return RunReport.releaseNote(context);
            case ANNOUNCE_END:
                return RunReport.announceEnd(context);
            default:
                throw new IllegalStateException("no handler for step " + step);
        }
    }

    private void fail(RunContext context, RunStep step, StepResult.Failed failed) {
        long runId = context.runId();
        store.stepFailed(runId, step.number(), failed.summary());
        Reply.Builder message = Reply.builder(Reply.Outcome.FAILED)
                .heading("PDM run #" + runId + " failed at step " + step.id())
                .text(failed.summary());
        if (!failed.jobUrl().isBlank()) message.text("Job: " + failed.jobUrl());
        message.text("gstg and gprd stay locked by the run. A failed post-deploy migration is never retried "
                + "automatically: triage it, then `pdm retry " + runId + "` resumes from " + step.id() + ".");
        context.announce(step.id() + "/attempt-" + context.attempt() + "/failed", message.build());
        RunFailed event = new RunFailed(runId, step, context.attempt(), failed.summary(), failed.migrationVersion(),
                failed.error(), failed.jobUrl());
        for (RunListener listener : listeners) {
            try {
                listener.runFailed(event);
            } catch (RuntimeException e) {
                log.error("a run listener failed on run {}", runId, e);
            }
        }
    }

    /** The step a run is at: its first step not succeeded. */
    static Optional<StepRecord> currentStep(RunStore store, long runId) {
        return store.steps(runId).stream().filter(s -> s.state() != StepState.SUCCEEDED).findFirst();
    }
}
