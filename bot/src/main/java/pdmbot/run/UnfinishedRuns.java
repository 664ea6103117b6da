package pdmbot.run;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.Reply;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StepRecord;

/**
 * The runs of {@link RunService} that no instance drives: one a crash left running, picked up on start, and one
 * whose instance went silent past the lease, taken over. Which instance takes a run is decided by the store.
 */
final class UnfinishedRuns {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedRuns.class);

    private final RunStore store;
    private final RunEngine engine;
    private final RunDriver driver;
    private final Announcements announcements;
    private final Clock clock;
    private final Duration lease;

    UnfinishedRuns(RunStore store, RunEngine engine, RunDriver driver, Announcements announcements, Clock clock,
                   Duration lease) {
        this.store = store;
        this.engine = engine;
        this.driver = driver;
        this.announcements = announcements;
        this.clock = clock;
        this.lease = lease;
    }

    /** See {@link RunService#pickUpUnfinished(boolean)}. */
    Optional<RunRecord> pickUp(boolean resume) {
        Optional<RunRecord> active = store.active();
        if (active.isEmpty() || active.get().state() != RunState.RUNNING) return active;
        RunRecord run = active.get();
        String step = currentStepName(run);
        if (!resume) {
            announcements.announce(RunContext.topic(run.id()), Reply.ok("PDM run #" + run.id() + " (started by "
                    + run.startedBy() + ") was left unfinished at step " + step + ". A release manager resumes it with `pdm retry "
                    + run.id() + "`."));
            return active;
        }
        if (store.takeOver(run.id(), engine.owner(), clock.instant().minus(lease))) {
            announcements.announce(RunContext.topic(run.id()), Reply.ok("Resuming PDM run #" + run.id() + " at step " + step + "."));
            int attempt = store.beginAttempt(run.id(), engine.owner() + " (resumed after a stop)", step, "");
            driver.submit(run.id(), attempt, RunEngine.Checks.BEFORE_CHANGES);
        } else {
            log.info("run {} is still driven by {}; not resuming it", run.id(), run.owner());
        }
        return active;
    }

    /** See {@link RunService#adoptAbandoned()}. */
    Optional<RunRecord> adoptAbandoned() {
        Optional<RunRecord> active = store.active();
        if (active.isEmpty() || active.get().state() != RunState.RUNNING || engine.owner().equals(active.get().owner()))
            return Optional.empty();
        RunRecord run = active.get();
        if (!store.takeOver(run.id(), engine.owner(), clock.instant().minus(lease))) return Optional.empty();
        String step = currentStepName(run);
        String why = run.owner() == null ? "it was handed over and no instance drove it"
                : run.owner() + " has been silent for " + Durations.between(run.heartbeatAt(), clock.instant());
        announcements.announce(RunContext.topic(run.id()), Reply.ok(engine.owner() + " takes over PDM run #" + run.id()
                + " at step " + step + ": " + why + "."));
        int attempt = store.beginAttempt(run.id(), engine.owner() + (run.owner() == null ? " (took it over when handed over)"
                : " (took over from " + run.owner() + ")"), step, "");
        driver.submit(run.id(), attempt, RunEngine.Checks.BEFORE_CHANGES);
        return Optional.of(run);
    }

    private String currentStepName(RunRecord run) {
        return RunEngine.currentStep(store, run.id()).map(StepRecord::name).orElse("the end");
    }
}
