package pdmbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.run.RunEvents;
import pdmbot.run.RunStep;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;

/** Runs by outcome, step durations and migration durations, counted as the runs this instance drives report them. */
public final class RunMetrics implements RunEvents {

    /** Histogram buckets of a step: seconds (locks, notes) to hours (a large index on gprd). */
    static final Duration[] STEP_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6)};

    private final MeterRegistry registry;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RunState state : RunState.values())
            if (state != RunState.RUNNING) runs(state.id());
    }

    private Counter runs(String outcome) {
        return Counter.builder("pdm.runs").tag("outcome", outcome)
                .description("PDM runs that ended, by outcome (succeeded, failed, cancelled or refused by the checks)")
                .register(registry);
    }

    @Override
    public void runEnded(RunRecord run) {
        runs(run.state().id()).increment();
    }

    @Override
    public void stepEnded(RunRecord run, RunStep step, boolean succeeded, Duration took) {
        Timer.builder("pdm.run.step.duration").tags("step", step.id(), "kind", step.kind().id(),
                        "outcome", succeeded ? "succeeded" : "failed")
                .description("How long PDM run steps took").serviceLevelObjectives(STEP_BUCKETS).register(registry)
                .record(took);
    }

    @Override
    public void migrationExecuted(RunRecord run, Environment environment, LogicalDatabase database, String version, String name,
                                  Optional<Duration> took) {
        took.ifPresent(d -> Timer.builder("pdm.migration.duration")
                .tags("environment", environment.databaseEnvironment(), "database", database.id())
                .description("How long each executed post-deploy migration took, from its database's record of when it ran")
                .serviceLevelObjectives(STEP_BUCKETS).register(registry).record(d));
    }
}
