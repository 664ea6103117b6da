package pdmbot.world.local;

import pdmbot.world.demo.DemoErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.DatabaseState;
import pdmbot.world.PendingMigration;
import pdmbot.world.PendingMigrations;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/**
 * The simulated PDM and QA pipelines of the local-checkout world's production ({@link LocalOperations}): a pipeline
 * runs the migrations pending when it starts, one every {@code perMigration}, and fails at a planned failure. Called
 * by {@link LocalOperations} under its lock, on its state; {@code save} writes that state.
 */
final class LocalPipelines {

    private final LocalOperationsState state;
    private final PendingMigrations pending;
    private final DatabaseState databases;
    private final Clock clock;
    private final Duration perMigration;
    private final Runnable save;
    private final Supplier<String> nextId;

    LocalPipelines(LocalOperationsState state, PendingMigrations pending, DatabaseState databases, Clock clock,
                  Duration perMigration, Runnable save, Supplier<String> nextId) {
        this.state = state;
        this.pending = pending;
        this.databases = databases;
        this.clock = clock;
        this.perMigration = perMigration;
        this.save = save;
        this.nextId = nextId;
    }

    PipelineHandle startPostDeployMigrations(Environment environment, String effectKey) {
        return startPostDeployMigrations(environment, java.util.Set.of(), effectKey);
    }

    /** Only {@code versions} of what is pending when given (a run of a subset); every pending one when empty. */
    PipelineHandle startPostDeployMigrations(Environment environment, java.util.Set<String> versions, String effectKey) {
        DatabaseState.requireDatabaseEnvironment(environment);
        LocalOperationsState.Pipeline existing = state.pipelines.get(effectKey);
        if (existing != null) return handle(existing);
        LocalOperationsState.Pipeline p = new LocalOperationsState.Pipeline();
        p.id = nextId.get();
        p.kind = "pdm";
        p.environment = environment.id();
        p.effectKey = effectKey;
        p.startedAt = clock.instant();
        for (PendingMigration m : pending.pendingOn(environment))
            if (versions.isEmpty() || versions.contains(m.migration().version())) p.plan.add(m.database().id() + " " + m.migration().version() + " " + m.migration().name());
        // the pipeline stops at the first planned failure in its order; any other planned failure waits for the next one
        p.plan.stream().map(line -> line.split(" ")[1]).filter(state.failures::contains).findFirst().ifPresent(version -> {
            p.failAt = version;
            p.failKind = state.failureErrors.remove(version);
            state.failures.remove(version);
        });
        state.pipelines.put(effectKey, p);
        save.run();
        return handle(p);
    }

    PipelineHandle startQa(Environment environment, String effectKey) {
        LocalOperationsState.Pipeline existing = state.pipelines.get(effectKey);
        if (existing != null) return handle(existing);
        LocalOperationsState.Pipeline p = new LocalOperationsState.Pipeline();
        p.id = nextId.get();
        p.kind = "qa";
        p.environment = environment.id();
        p.effectKey = effectKey;
        p.startedAt = clock.instant();
        if (state.failures.remove("qa")) p.failAt = "qa";
        state.pipelines.put(effectKey, p);
        save.run();
        return handle(p);
    }

    PipelineStatus status(PipelineHandle pipeline) {
        LocalOperationsState.Pipeline p = state.pipelines.values().stream().filter(x -> x.id.equals(pipeline.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the demo has no pipeline " + pipeline.id()));
        if (p.state == LocalOperationsState.PipelineState.RUNNING) advance(p);
        if (p.state == LocalOperationsState.PipelineState.SUCCESS) return new PipelineStatus.Succeeded();
        if (p.state == LocalOperationsState.PipelineState.FAILED)
            return new PipelineStatus.Failed(p.kind.equals("qa") ? "qa:smoke" : p.environment + "-post-deploy-migrations", "",
                    Optional.ofNullable(p.failedVersion), p.error, p.error);
        return new PipelineStatus.Running();
    }

    /** Runs what the elapsed time allows: each migration takes {@code perMigration}; the injected one fails. */
    private void advance(LocalOperationsState.Pipeline p) {
        Duration elapsed = Duration.between(p.startedAt, clock.instant());
        if (p.kind.equals("qa")) {
            if (elapsed.compareTo(perMigration) < 0) return;
            if ("qa".equals(p.failAt)) {
                p.state = LocalOperationsState.PipelineState.FAILED;
                p.error = "qa:smoke failed: 2 of 148 end-to-end specs failed (Login, Create project)";
            } else {
                p.state = LocalOperationsState.PipelineState.SUCCESS;
            }
            save.run();
            return;
        }
        Environment environment = Environment.byId(p.environment).orElseThrow();
        for (int i = 0; i < p.plan.size(); i++) {
            String[] line = p.plan.get(i).split(" ");
            LogicalDatabase database = LogicalDatabase.byId(line[0]).orElseThrow();
            Instant endsAt = p.startedAt.plus(perMigration.multipliedBy(i + 1L));
            if (endsAt.isAfter(clock.instant())) {
                save.run();
                return;
            }
            if (line[1].equals(p.failAt)) {
                p.state = LocalOperationsState.PipelineState.FAILED;
                p.failedVersion = line[1];
                p.error = DemoErrors.line(p.failKind, line[1], line[2], database.id());
                save.run();
                return;
            }
            if (!databases.hasRun(environment, database, line[1])) databases.recordRun(environment, database, line[1], endsAt);
        }
        p.state = LocalOperationsState.PipelineState.SUCCESS;
        save.run();
    }

    private static PipelineHandle handle(LocalOperationsState.Pipeline p) {
        return LocalOperations.handleOf(p);
    }
}
