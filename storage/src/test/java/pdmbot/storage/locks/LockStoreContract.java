package pdmbot.storage.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.storage.Database;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every LockStore does, on H2 and on PostgreSQL. */
abstract class LockStoreContract extends StoreContract {

    private LockStore locks() {
        return stores().locks();
    }

    @Test
    void locking_a_free_environment_gives_the_lock() {
        LockOutcome outcome = locks().lock(Environment.GPRD, "alice", "incident 123", null);

        assertThat(outcome).isEqualTo(new LockOutcome.Locked(
                new EnvironmentLock(Environment.GPRD, "alice", "incident 123", START, null)));
        assertThat(locks().lockOf(Environment.GPRD)).contains(((LockOutcome.Locked) outcome).lock());
    }

    @Test
    void locking_a_locked_environment_names_the_lock_already_held_and_keeps_it() {
        locks().lock(Environment.GPRD, "alice", "incident 123", null);
        clock.advance(Duration.ofMinutes(5));

        LockOutcome outcome = locks().lock(Environment.GPRD, "bob", "my turn", null);

        EnvironmentLock alices = new EnvironmentLock(Environment.GPRD, "alice", "incident 123", START, null);
        assertThat(outcome).isEqualTo(new LockOutcome.AlreadyLocked(alices));
        assertThat(locks().lockOf(Environment.GPRD)).contains(alices);
    }

    @Test
    void locks_on_different_environments_are_independent() {
        locks().lock(Environment.GPRD, "alice", null, null);

        LockOutcome outcome = locks().lock(Environment.GSTG, "bob", null, null);

        assertThat(outcome).isInstanceOf(LockOutcome.Locked.class);
        assertThat(locks().locks()).extracting(EnvironmentLock::environment).containsExactly(Environment.GSTG, Environment.GPRD);
    }

    @Test
    void unlocking_removes_the_lock_and_says_so() {
        locks().lock(Environment.GSTG, "alice", "qa", null);

        assertThat(locks().unlock(Environment.GSTG)).isTrue();
        assertThat(locks().lockOf(Environment.GSTG)).isEmpty();
        assertThat(locks().lock(Environment.GSTG, "bob", null, null)).isInstanceOf(LockOutcome.Locked.class);
    }

    @Test
    void unlocking_a_free_environment_says_nothing_was_removed() {
        assertThat(locks().unlock(Environment.GPRD)).isFalse();
    }

    @Test
    void a_lock_with_an_end_holds_until_then_and_counts_as_no_lock_after() {
        Instant until = START.plus(Duration.ofHours(1));
        locks().lock(Environment.GPRD, "alice", "freeze", until);

        clock.advance(Duration.ofMinutes(59));
        assertThat(locks().lockOf(Environment.GPRD)).map(EnvironmentLock::until).contains(until);

        clock.advance(Duration.ofMinutes(1));
        assertThat(locks().lockOf(Environment.GPRD)).isEmpty();
        assertThat(locks().locks()).isEmpty();
    }

    @Test
    void an_expired_lock_is_replaced_by_a_new_one() {
        locks().lock(Environment.GPRD, "alice", "freeze", START.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(2));

        LockOutcome outcome = locks().lock(Environment.GPRD, "bob", "after the freeze", null);

        assertThat(outcome).isInstanceOfSatisfying(LockOutcome.Locked.class,
                locked -> assertThat(locked.lock().lockedBy()).isEqualTo("bob"));
        assertThat(locks().lockOf(Environment.GPRD)).map(EnvironmentLock::lockedBy).contains("bob");
    }

    @Test
    void two_instances_locking_the_same_environment_at_once_get_exactly_one_lock() throws Exception {
        try (Database other = anotherInstance()) {
            LockStore mine = locks();
            LockStore theirs = other.stores().locks();
            for (int round = 0; round < 10; round++) {
                List<LockOutcome> outcomes = Race.run(
                        () -> mine.lock(Environment.GPRD, "instance-a", "race", null),
                        () -> theirs.lock(Environment.GPRD, "instance-b", "race", null));

                assertThat(outcomes).filteredOn(o -> o instanceof LockOutcome.Locked).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof LockOutcome.AlreadyLocked).hasSize(1);
                String winner = outcomes.stream().filter(o -> o instanceof LockOutcome.Locked)
                        .map(o -> ((LockOutcome.Locked) o).lock().lockedBy()).findFirst().orElseThrow();
                assertThat(locks().lockOf(Environment.GPRD)).map(EnvironmentLock::lockedBy).contains(winner);
                mine.unlock(Environment.GPRD);
            }
        }
    }
}
