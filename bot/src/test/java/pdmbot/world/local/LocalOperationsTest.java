package pdmbot.world.local;

import pdmbot.world.demo.GeneratedCheckout;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.storage.testing.MutableClock;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.PendingMigration;
import pdmbot.world.PendingMigrations;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/** The demo's simulated production: pipelines that take time, keyed starts, failure injection, state kept on disk. */
class LocalOperationsTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void a_pipeline_takes_its_time_per_migration_and_records_each_as_it_runs() {
        try (GeneratedCheckout world = GeneratedCheckout.generate(dir)) {
            LocalOperations ops = operationsOf(world, Duration.ofSeconds(30));
            List<PendingMigration> pending = world.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(world.packages())).pendingOn(Environment.GSTG);
            PipelineHandle pipeline = ops.startPostDeployMigrations(Environment.GSTG, Map.of(), "k1");

            assertThat(ops.status(pipeline)).isInstanceOf(PipelineStatus.Running.class);
            clock.advance(Duration.ofSeconds(61));
            assertThat(ops.status(pipeline)).isInstanceOf(PipelineStatus.Running.class);
            assertThat(world.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(world.packages())).pendingOn(Environment.GSTG)).hasSize(pending.size() - 2);

            clock.advance(Duration.ofSeconds(30L * pending.size()));
            assertThat(ops.status(pipeline)).isInstanceOf(PipelineStatus.Succeeded.class);
            assertThat(world.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(world.packages())).pendingOn(Environment.GSTG)).isEmpty();
        }
    }

    @Test
    void starting_again_with_the_same_key_gives_the_same_pipeline_and_deployment() {
        try (GeneratedCheckout world = GeneratedCheckout.generate(dir)) {
            LocalOperations ops = operationsOf(world, Duration.ZERO);
            var pkg = world.deployments().packageOn(Environment.GSTG).orElseThrow();

            assertThat(ops.startPostDeployMigrations(Environment.GSTG, Map.of(), "k"))
                    .isEqualTo(ops.startPostDeployMigrations(Environment.GSTG, Map.of(), "k"));
            DeploymentRecord first = ops.createRunning(DeploymentProject.CANONICAL, Environment.GSTG, pkg, "d");
            assertThat(ops.createRunning(DeploymentProject.CANONICAL, Environment.GSTG, pkg, "d")).isEqualTo(first);
            assertThat(ops.deploymentRecords()).hasSize(1);
            assertThat(ops.pipelinesStarted("pdm")).isEqualTo(1);
        }
    }

    @Test
    void an_injected_failure_runs_the_migrations_before_it_then_fails_naming_it_once() {
        try (GeneratedCheckout world = GeneratedCheckout.generate(dir)) {
            LocalOperations ops = operationsOf(world, Duration.ZERO);
            List<PendingMigration> pending = world.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(world.packages())).pendingOn(Environment.GSTG);
            String victim = pending.get(2).migration().version();
            ops.failNext(victim);

            PipelineStatus status = ops.status(ops.startPostDeployMigrations(Environment.GSTG, Map.of(), "k1"));

            assertThat(status).isInstanceOfSatisfying(PipelineStatus.Failed.class, f -> {
                assertThat(f.migrationVersion()).contains(victim);
                assertThat(f.error()).contains("statement timeout", victim);
            });
            assertThat(world.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(world.packages())).pendingOn(Environment.GSTG)).hasSize(pending.size() - 2);
            assertThat(ops.failNext()).isEmpty();
            assertThat(ops.status(ops.startPostDeployMigrations(Environment.GSTG, Map.of(), "k2")))
                    .isInstanceOf(PipelineStatus.Succeeded.class);
        }
    }

    @Test
    void incidents_change_requests_and_deployments_survive_a_reopen() {
        try (GeneratedCheckout world = GeneratedCheckout.generate(dir)) {
            LocalOperations ops = operationsOf(world, Duration.ZERO);
            ops.openIncident(2, false);
            ops.openChangeRequest(3, true);
            ops.startDeployment(Environment.GSTG_CNY, world.packages().packages().get(0));
        }
        try (GeneratedCheckout world = GeneratedCheckout.open(dir)) {
            LocalOperations again = operationsOf(world, Duration.ZERO);

            assertThat(again.activeIncidents()).singleElement().satisfies(i -> assertThat(i.severity()).isEqualTo(2));
            assertThat(again.activeChangeRequests()).singleElement().satisfies(c -> assertThat(c.blocksDeployments()).isTrue());
            assertThat(again.running()).singleElement().satisfies(d -> assertThat(d.isStaging()).isTrue());
            assertThat(again.closeIncidents()).isEqualTo(1);
            assertThat(again.activeIncidents()).isEmpty();
        }
    }

    /** The local checkout's simulated production, opened as {@code app/Worlds} opens it for {@code --repo}. */
    private LocalOperations operationsOf(GeneratedCheckout world, Duration perMigration) {
        return LocalOperations.open(world.directory().resolve("local-operations.json"),
                new PendingMigrations(world.packages(), world.deployments(), world.databases(),
                        pdmbot.run.ClassifiedDatabases.builtIn(world.packages())),
                world.databases(), world.deployments(), world.packages()::packageNamed, clock, perMigration);
    }
}
