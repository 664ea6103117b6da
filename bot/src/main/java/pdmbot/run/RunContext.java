package pdmbot.run;

import java.util.function.Function;
import pdmbot.chat.Announcements;
import pdmbot.chat.Reply;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/** One attempt of one step of a run: what a step needs to act once and to speak in the run's thread. */
final class RunContext {

    /** This instance no longer drives the run (another took it over); stop without recording anything. */
    static final class LostOwnership extends RuntimeException {
        LostOwnership(long runId) {
            super("run " + runId + " is driven by another instance now", null, false, false);
        }
    }

    private final RunRecord run;
    private final int attempt;
    private final Effects effects;
    private final RunStore store;
    private final RunResources resources;
    private final Announcements announcements;
    private final String owner;

    RunContext(RunRecord run, int attempt, RunStore store, RunResources resources, Announcements announcements, String owner) {
        this.run = run;
        this.attempt = attempt;
        this.effects = new Effects(store, run.id());
        this.store = store;
        this.resources = resources;
        this.announcements = announcements;
        this.owner = owner;
    }

    RunRecord run() {
        return run;
    }

    long runId() {
        return run.id();
    }

    int attempt() {
        return attempt;
    }

    Effects effects() {
        return effects;
    }

    RunStore store() {
        return store;
    }

    RunResources resources() {
        return resources;
    }

    /** The thread of the run, for announcements and adapters. */
    static String topic(long runId) {
        return "run-" + runId;
    }

    /** Posts to the run's thread once: a crash between claiming and posting loses it rather than repeating it. */
    void announce(String key, Reply message) {
        effects.once("announce/" + key, Effects.OnUnfinished.COUNT_AS_MADE, () -> {
            announcements.announce(topic(run.id()), message);
            return "";
        });
    }

    /** Polls the pipeline until it ends, saying we are alive between polls. */
    PipelineStatus await(PipelineHandle pipeline, Function<PipelineHandle, PipelineStatus> status) {
        while (true) {
            PipelineStatus now = status.apply(pipeline);
            if (!(now instanceof PipelineStatus.Running)) return now;
            if (!store.heartbeat(run.id(), owner)) throw new LostOwnership(run.id());
            try {
                resources.pacer().pause(resources.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LostOwnership(run.id());
            }
        }
    }
}
