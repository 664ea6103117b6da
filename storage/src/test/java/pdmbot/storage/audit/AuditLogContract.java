package pdmbot.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pdmbot.storage.testing.StoreContract;

/** What every AuditLog does, on H2 and on PostgreSQL. */
abstract class AuditLogContract extends StoreContract {

    private AuditLog audit() {
        return stores().audit();
    }

    private static AuditEntry entry(Instant at, String command) {
        return new AuditEntry(at, "slack", "C0RELEASE", "U123", "alice", "Ev-" + command.hashCode(), command, "ok",
                "2 pending", "corr-" + command.length(), 42);
    }

    @Test
    void an_appended_entry_comes_back_with_every_field() {
        AuditEntry entry = entry(START, "pdm status");

        audit().append(entry);

        assertThat(audit().recent(10)).containsExactly(entry);
        assertThat(audit().count()).isEqualTo(1);
    }

    @Test
    void optional_fields_may_be_left_empty() {
        AuditEntry console = new AuditEntry(START, "console", null, null, null, null, "help", "ok", null, null, 0);

        audit().append(console);

        assertThat(audit().recent(1)).containsExactly(console);
    }

    @Test
    void recent_entries_come_newest_first_up_to_the_limit() {
        AuditEntry first = entry(START, "pdm status");
        AuditEntry second = entry(START.plus(Duration.ofMinutes(1)), "pdm lock gprd");
        AuditEntry third = entry(START.plus(Duration.ofMinutes(2)), "pdm unlock gprd");
        audit().append(first);
        audit().append(third);
        audit().append(second);

        assertThat(audit().recent(2)).containsExactly(third, second);
        assertThat(audit().count()).isEqualTo(3);
    }

    @Test
    void entries_at_the_same_instant_come_newest_appended_first() {
        AuditEntry first = entry(START, "pdm status");
        AuditEntry second = entry(START, "pdm runs");
        audit().append(first);
        audit().append(second);

        assertThat(audit().recent(5)).containsExactly(second, first);
    }

    @Test
    void an_empty_log_or_a_zero_limit_gives_nothing() {
        assertThat(audit().recent(5)).isEmpty();
        assertThat(audit().count()).isZero();
        audit().append(entry(START, "help"));
        assertThat(audit().recent(0)).isEmpty();
    }
}
