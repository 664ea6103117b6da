package pdmbot.storage.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.storage.Database;
import pdmbot.storage.runs.EffectClaim;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every PromotionStore does, on H2 and on PostgreSQL (issue 16). */
abstract class PromotionStoreContract extends StoreContract {

    private static final String SHA = "a".repeat(40);

    private PromotionStore promotions() {
        return stores().promotions();
    }

    private static PromotionRequest gprd(String by) {
        return new PromotionRequest("gprd", "16.7.202311100920-cf930cc2066.81dd8dfc3a8", SHA, by, false, Optional.empty());
    }

    @BeforeEach
    void emptyThePromotions() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM promotion_effects");
            s.executeUpdate("DELETE FROM promotions");
        }
    }

    @Test
    void a_started_promotion_is_deploying_with_what_was_asked() {
        PromotionStart start = promotions().start(new PromotionRequest("gprd", "16.7.x", SHA, "alice", true,
                Optional.of("incident 42")));

        assertThat(start).isInstanceOf(PromotionStart.Started.class);
        Promotion p = ((PromotionStart.Started) start).promotion();
        assertThat(p.state()).isEqualTo(PromotionState.DEPLOYING);
        assertThat(p.rollback()).isTrue();
        assertThat(p.overrideReason()).contains("incident 42");
        assertThat(promotions().deploying()).extracting(Promotion::id).containsExactly(p.id());
    }

    @Test
    void a_second_promotion_to_the_same_environment_meets_the_first_one() {
        Promotion first = ((PromotionStart.Started) promotions().start(gprd("alice"))).promotion();

        PromotionStart second = promotions().start(gprd("bob"));

        assertThat(second).isEqualTo(new PromotionStart.AlreadyDeploying(first));
    }

    @Test
    void another_environment_is_not_held_by_a_promotion_deploying_elsewhere() {
        promotions().start(gprd("alice"));

        assertThat(promotions().start(new PromotionRequest("gstg", "16.7.x", SHA, "bob", false, Optional.empty())))
                .isInstanceOf(PromotionStart.Started.class);
    }

    @Test
    void a_promotion_ends_once_and_frees_its_environment() {
        Promotion first = ((PromotionStart.Started) promotions().start(gprd("alice"))).promotion();

        assertThat(promotions().finish(first.id(), PromotionState.SUCCEEDED, "deployed")).isTrue();
        assertThat(promotions().finish(first.id(), PromotionState.FAILED, "late")).isFalse();

        assertThat(promotions().promotion(first.id()).orElseThrow().outcome()).contains("deployed");
        assertThat(promotions().lastSucceeded("gprd")).map(Promotion::id).contains(first.id());
        assertThat(promotions().start(gprd("bob"))).isInstanceOf(PromotionStart.Started.class);
    }

    @Test
    void two_instances_starting_the_same_promotion_at_once_record_one() throws Exception {
        try (Database other = anotherInstance()) {
            PromotionStore mine = promotions();
            PromotionStore theirs = other.stores().promotions();
            for (int round = 0; round < 10; round++) {
                List<PromotionStart> outcomes = Race.run(() -> mine.start(gprd("instance-a")),
                        () -> theirs.start(gprd("instance-b")));

                assertThat(outcomes).filteredOn(o -> o instanceof PromotionStart.Started).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof PromotionStart.AlreadyDeploying).hasSize(1);
                Promotion winner = mine.deploying().get(0);
                mine.finish(winner.id(), PromotionState.SUCCEEDED, "round " + round);
            }
            assertThat(mine.recent(50)).hasSize(10);
        }
    }

    @Test
    void an_effect_is_claimed_once_and_its_result_kept() {
        long id = ((PromotionStart.Started) promotions().start(gprd("alice"))).promotion().id();

        assertThat(promotions().claim(id, "pipeline")).isInstanceOf(EffectClaim.Claimed.class);
        assertThat(promotions().claim(id, "pipeline")).isInstanceOf(EffectClaim.Unfinished.class);
        promotions().effectDone(id, "pipeline", "1567");

        assertThat(promotions().claim(id, "pipeline")).isEqualTo(new EffectClaim.AlreadyDone("1567"));
    }

    @Test
    void a_released_claim_can_be_claimed_again() {
        long id = ((PromotionStart.Started) promotions().start(gprd("alice"))).promotion().id();
        promotions().claim(id, "pipeline");

        promotions().releaseClaim(id, "pipeline");

        assertThat(promotions().claim(id, "pipeline")).isInstanceOf(EffectClaim.Claimed.class);
    }
}
