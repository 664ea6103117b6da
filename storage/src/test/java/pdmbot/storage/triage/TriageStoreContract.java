package pdmbot.storage.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.storage.Database;
import pdmbot.storage.Jdbc;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every {@link TriageStore} keeps, on H2 and on PostgreSQL through the production Flyway scripts (V30). */
abstract class TriageStoreContract extends StoreContract {

    private TriageStore store(Database database) {
        return new JdbcTriageStore(new Jdbc(database.dataSource()), clock);
    }

    private static TriageStore.TriageRecord triage(long run, String dialogue) {
        return new TriageStore.TriageRecord(run, "gstg", "20231107025611", dialogue, "U_RM", null);
    }

    @Test
    void one_triage_per_failed_migration_per_run_and_a_second_claim_gets_the_first() {
        TriageStore store = store(database);

        TriageStore.Claim first = store.claim(triage(1, "d1"));
        TriageStore.Claim second = store.claim(triage(1, "d2"));

        assertThat(first).isInstanceOf(TriageStore.Claimed.class);
        assertThat(second).isInstanceOf(TriageStore.Existing.class);
        assertThat(((TriageStore.Existing) second).triage().dialogueId()).isEqualTo("d1");
        assertThat(store.claim(triage(2, "d3"))).isInstanceOf(TriageStore.Claimed.class);
        assertThat(store.newestFor("20231107025611").orElseThrow().runId()).isEqualTo(2);
        assertThat(store.ofRun(1)).extracting(TriageStore.TriageRecord::dialogueId).containsExactly("d1");
    }

    @Test
    void two_instances_claiming_the_same_failure_at_once_make_one_triage() throws Exception {
        try (Database other = anotherInstance()) {
            TriageStore a = store(database);
            TriageStore b = store(other);
            List<TriageStore.Claim> claims = Race.run(() -> a.claim(triage(7, "da")), () -> b.claim(triage(7, "db")));

            assertThat(claims).filteredOn(c -> c instanceof TriageStore.Claimed).hasSize(1);
            assertThat(claims).filteredOn(c -> c instanceof TriageStore.Existing).hasSize(1);
            assertThat(a.ofRun(7)).hasSize(1);
        }
    }

    @Test
    void a_reminder_due_at_one_time_is_claimed_once_across_instances() throws Exception {
        try (Database other = anotherInstance()) {
            var due = clock.instant().plus(Duration.ofMinutes(30));
            List<Boolean> won = Race.run(() -> store(database).claimReminder("d1", due, "i1"),
                    () -> store(other).claimReminder("d1", due, "i2"));

            assertThat(won).containsExactlyInAnyOrder(true, false);
            assertThat(store(database).claimReminder("d1", due.plus(Duration.ofMinutes(30)), "i1")).isTrue();
        }
    }

    @Test
    void a_mark_is_recorded_once() {
        TriageStore store = store(database);
        var mark = new TriageStore.MigrationMark("gprd", "main", "20231107025611", "U_RM", clock.instant(), "201 Created");

        assertThat(store.recordMark(mark)).isTrue();
        assertThat(store.recordMark(mark)).isFalse();
        assertThat(store.marks()).containsExactly(mark);
    }
}
