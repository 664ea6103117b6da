package pdmbot.run;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import pdmbot.chat.Announcements;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.RunScope;
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
    private final List<RunStep> steps;
    private final RunStep step;
    private final int attempt;
    private final Effects effects;
    private final RunStore store;
    private final RunResources resources;
    private final Announcements announcements;
    private final String owner;
    private Optional<RunScope> scope;

    RunContext(RunRecord run, List<RunStep> steps, RunStep step, int attempt, RunStore store, RunResources resources,
               Announcements announcements, String owner) {
        this.run = run;
        this.steps = List.copyOf(steps);
        this.step = step;
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

    /** The step being carried out. */
    RunStep step() {
        return step;
    }

    /** This step's attempt, from 1. */
    int attempt() {
        return attempt;
    }

    /** The run's own steps, as stored when it started. */
    List<RunStep> steps() {
        return steps;
    }

    /** The environments the run migrates (and locks), from its own steps. */
    List<Environment> environments() {
        return environmentsOf(steps);
    }

    static List<Environment> environmentsOf(List<RunStep> steps) {
        return steps.stream().filter(s -> s.kind() == StepKind.MIGRATIONS).map(RunStep::environment).distinct().toList();
    }

    Effects effects() {
        return effects;
    }

    /** The subset the run is limited to ({@code pdm execute --only}), as stored when it started; empty for a whole run. */
    Optional<RunScope> scope() {
        if (scope == null) scope = store.scope(run.id());
        return scope;
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
        effects.once(EffectKey.announcement(key), Effects.OnUnfinished.COUNT_AS_MADE, () -> {
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
