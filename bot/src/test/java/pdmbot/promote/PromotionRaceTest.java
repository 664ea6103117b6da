package pdmbot.promote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pdmbot.chat.Announcements;
import pdmbot.domain.Environment;
import pdmbot.storage.Database;
import pdmbot.storage.promotions.Promotion;
import pdmbot.storage.promotions.PromotionState;
import pdmbot.storage.testing.PostgresAddress;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.TestDatabases;
import pdmbot.world.DeployPipelines;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/**
 * Two bot instances on one PostgreSQL promoting the same package at the same moment (issue 16): one deployment,
 * one lock, one start and one end announced, whoever asks first and whoever sees the pipeline end first.
 */
class PromotionRaceTest {

    private static final String SHA = "c".repeat(40);
    private static final PromotionChain CHAIN = new PromotionChain(List.of(
            new PromotionChain.Step("gprd-cny", true, Optional.of(Environment.GPRD)),
            new PromotionChain.Step("gprd", true, Optional.of(Environment.GPRD))));

    /** The deployer as both instances see it: one world, counting the pipelines it starts. */
    static final class CountingDeployer implements DeployPipelines {
        final AtomicInteger started = new AtomicInteger();
        final AtomicReference<PipelineStatus> status = new AtomicReference<>(new PipelineStatus.Running());

        @Override
        public PipelineHandle start(String environment, String version, Map<String, String> variables, String effectKey) {
            return new PipelineHandle(String.valueOf(1000 + started.incrementAndGet()), "");
        }

        @Override
        public PipelineStatus status(String environment, PipelineHandle pipeline) {
            return status.get();
        }
    }

    @Test
    void two_instances_promoting_the_same_package_at_once_make_one_deployment() throws Exception {
        PostgresAddress address = TestDatabases.freshPostgresDatabase();
        CountingDeployer deployer = new CountingDeployer();
        List<String> announced = Collections.synchronizedList(new ArrayList<>());
        Announcements announcements = (topic, message) -> announced.add(topic + ": " + message.plainText());
        try (Database a = address.open(); Database b = address.open()) {
            PromotionExecution first = new PromotionExecution(a.stores().promotions(), a.stores().locks(), deployer,
                    announcements, CHAIN, Clock.systemUTC());
            PromotionExecution second = new PromotionExecution(b.stores().promotions(), b.stores().locks(), deployer,
                    announcements, CHAIN, Clock.systemUTC());
            Candidate candidate = new Candidate("16.7.202311100020-cf930cc2066.e5f188d8f4f", SHA, Optional.empty(),
                    java.time.Instant.parse("2023-11-10T00:20:00Z"));
            PromotionChain.Step gprd = CHAIN.step("gprd").orElseThrow();

            List<PromotionExecution.StartResult> results = Race.run(
                    () -> first.start(new PromotionGuards.Ask(candidate, gprd, "alice", false, Optional.empty())),
                    () -> second.start(new PromotionGuards.Ask(candidate, gprd, "bob", false, Optional.empty())));

            assertThat(results).filteredOn(r -> r instanceof PromotionExecution.Started).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof PromotionExecution.Busy).hasSize(1);
            // PostgreSQL hands the losing insert a sequence number too: the winner is #1 or #2, and there is one
            long id = results.stream().filter(r -> r instanceof PromotionExecution.Started)
                    .map(r -> ((PromotionExecution.Started) r).promotion().id()).findFirst().orElseThrow();
            assertThat(deployer.started).hasValue(1);
            assertThat(a.stores().locks().lockOf(Environment.GPRD)).get()
                    .satisfies(l -> assertThat(l.lockedBy()).isEqualTo("deploy #" + id));

            deployer.status.set(new PipelineStatus.Succeeded());
            Race.run(() -> {
                first.trackAll();
                return 1;
            }, () -> {
                second.trackAll();
                return 2;
            });

            assertThat(a.stores().promotions().recent(10)).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(PromotionState.SUCCEEDED));
            assertThat(announced).filteredOn(t -> t.startsWith("promotion-" + id + ": Deploying")).hasSize(1);
            assertThat(announced).filteredOn(t -> t.startsWith("promotion-" + id + ": Deploy #" + id + " succeeded")).hasSize(1);
            assertThat(b.stores().locks().lockOf(Environment.GPRD)).isEmpty();
        }
    }

    @Test
    void a_pipeline_that_fails_ends_the_promotion_failed_announces_why_and_unlocks() throws Exception {
        CountingDeployer deployer = new CountingDeployer();
        List<String> announced = Collections.synchronizedList(new ArrayList<>());
        try (Database db = TestDatabases.h2(Clock.systemUTC())) {
            PromotionExecution execution = new PromotionExecution(db.stores().promotions(), db.stores().locks(), deployer,
                    (topic, message) -> announced.add(topic + ": " + message.plainText()), CHAIN, Clock.systemUTC());
            execution.start(new PromotionGuards.Ask(new Candidate("16.7.x", SHA, Optional.empty(), java.time.Instant.EPOCH),
                    CHAIN.step("gprd-cny").orElseThrow(), "alice", false, Optional.empty()));

            deployer.status.set(new PipelineStatus.Failed("deploy:gprd-cny", "", Optional.empty(), "rollout timed out", ""));
            execution.trackAll();

            Promotion p = db.stores().promotions().promotion(1).orElseThrow();
            assertThat(p.state()).isEqualTo(PromotionState.FAILED);
            assertThat(p.outcome()).contains("deploy:gprd-cny: rollout timed out");
            assertThat(announced).last().asString().startsWith("promotion-1: Deploy #1 of `16.7.x` to gprd-cny failed")
                    .contains("rollout timed out", "gprd is unlocked");
            assertThat(db.stores().locks().lockOf(Environment.GPRD)).isEmpty();
        }
    }

    @Test
    void a_pipeline_that_cannot_start_ends_the_promotion_and_frees_the_environment() throws Exception {
        DeployPipelines broken = new DeployPipelines() {
            @Override
            public PipelineHandle start(String environment, String version, Map<String, String> variables, String effectKey) {
                throw new IllegalStateException("the deployer answered 500");
            }

            @Override
            public PipelineStatus status(String environment, PipelineHandle pipeline) {
                throw new AssertionError("never started");
            }
        };
        try (Database db = TestDatabases.h2(Clock.systemUTC())) {
            PromotionExecution execution = new PromotionExecution(db.stores().promotions(), db.stores().locks(), broken,
                    Announcements.NONE, CHAIN, Clock.systemUTC());
            PromotionGuards.Ask ask = new PromotionGuards.Ask(new Candidate("16.7.x", SHA, Optional.empty(),
                    java.time.Instant.EPOCH), CHAIN.step("gprd").orElseThrow(), "alice", false, Optional.empty());

            PromotionExecution.StartResult result = execution.start(ask);

            assertThat(result).isInstanceOf(PromotionExecution.Failed.class);
            assertThat(((PromotionExecution.Failed) result).why()).contains("the deployer answered 500");
            assertThat(db.stores().promotions().deploying()).isEmpty();
            assertThat(db.stores().locks().lockOf(Environment.GPRD)).isEmpty();
        }
    }

    @Test
    void a_promotion_a_stopped_instance_left_without_its_pipeline_is_started_once_by_a_later_look() throws Exception {
        CountingDeployer deployer = new CountingDeployer();
        pdmbot.storage.testing.MutableClock clock = new pdmbot.storage.testing.MutableClock(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        try (Database db = TestDatabases.h2(clock)) {
            db.stores().promotions().start(new pdmbot.storage.promotions.PromotionRequest("gprd", "16.7.x", SHA, "alice",
                    false, Optional.empty()));
            PromotionExecution execution = new PromotionExecution(db.stores().promotions(), db.stores().locks(), deployer,
                    Announcements.NONE, CHAIN, clock);

            execution.trackAll();
            assertThat(deployer.started).as("within the grace its starter may still be starting it").hasValue(0);

            clock.set(clock.instant().plus(PromotionExecution.START_GRACE).plusSeconds(1));
            execution.trackAll();
            execution.trackAll();

            assertThat(deployer.started).hasValue(1);
            assertThat(db.stores().promotions().promotion(1).orElseThrow().pipelineId()).contains("1001");
        }
    }
}
