package pdmbot.storage.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.storage.Database;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every WorldChangeStore does, on H2 and on PostgreSQL. */
abstract class WorldChangeStoreContract extends StoreContract {

    private WorldChangeStore changes() {
        return stores().worldChanges();
    }

    @Test
    void the_generation_is_never_negative() {
        assertThat(changes().generation()).isNotNegative();
    }

    @Test
    void each_bump_moves_the_generation_by_one_and_returns_it() {
        long before = changes().generation();

        assertThat(changes().bump("run 1 step gstg ended")).isEqualTo(before + 1);
        assertThat(changes().bump("x".repeat(500))).isEqualTo(before + 2);
        assertThat(changes().generation()).isEqualTo(before + 2);
    }

    @Test
    void another_instance_sees_a_bump_made_here() {
        try (Database other = anotherInstance()) {
            long before = other.stores().worldChanges().generation();

            changes().bump("a package was ingested");

            assertThat(other.stores().worldChanges().generation()).isEqualTo(before + 1);
        }
    }

    @Test
    void two_instances_bumping_at_once_both_count() throws Exception {
        try (Database other = anotherInstance()) {
            WorldChangeStore theirs = other.stores().worldChanges();
            long before = changes().generation();

            List<Long> generations = Race.run(() -> changes().bump("a"), () -> theirs.bump("b"));

            assertThat(generations).containsExactlyInAnyOrder(before + 1, before + 2);
            assertThat(changes().generation()).isEqualTo(before + 2);
        }
    }
}
