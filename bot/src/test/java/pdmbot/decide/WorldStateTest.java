package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.storage.locks.LockStore;
import pdmbot.world.BackgroundMigrations;
import pdmbot.world.Operations;
import pdmbot.world.RunningDeployment;
import pdmbot.world.RunningDeployments;

/** What the run decisions are told about deployments running now (issue 11 item 3: configured targets). */
class WorldStateTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Environment RING = Environment.define(new Environment.Definition("decided-ring-0", true, true, null, null,
            Optional.empty()));

    /** A port this test does not reach: every call answers an empty list, or fails if it must answer something else. */
    @SuppressWarnings("unchecked")
    static <T> T unused(Class<T> port) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getReturnType() == List.class) return List.of();
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static List<String> deployRunningOn(RunningDeployment... running) {
        RunningDeployments deployments = () -> List.of(running);
        Operations operations = new Operations(deployments, unused(pdmbot.world.Incidents.class),
                unused(pdmbot.world.ChangeRequests.class), unused(pdmbot.world.PipelineRunner.class),
                unused(pdmbot.world.QaPipelines.class), unused(pdmbot.world.DeploymentRecords.class),
                unused(pdmbot.world.MergeRequestUpdates.class));
        WorldState state = new WorldState(operations, unused(LockStore.class), BackgroundMigrations.NONE,
                new HealthSignals(Optional.empty(), List.of()));
        return state.factsAt(NOW, List.of()).stream().filter(f -> f instanceof DecisionFacts.DeployRunning)
                .map(f -> ((DecisionFacts.DeployRunning) f).environment()).toList();
    }

    @Test
    void a_deployment_running_on_a_canary_holds_back_its_stage_and_one_on_a_configured_ring_holds_back_the_ring() {
        assertThat(deployRunningOn(
                new RunningDeployment(Environment.GSTG_CNY, "16.7.202311100020-cf930cc2066.e5f188d8f4f", "1", "", NOW),
                new RunningDeployment(Environment.GPRD_CNY, "16.7.202311100020-cf930cc2066.e5f188d8f4f", "2", "", NOW),
                new RunningDeployment(RING, "16.7.202311100020-cf930cc2066.e5f188d8f4f", "3", "", NOW)))
                .containsExactly("gstg", "gprd", RING.id());
    }
}
