package pdmbot.triage;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a triage needs to know of the organisation: who to page for support, who counts as a database reviewer,
 * and when an unanswered triage is reminded: the {@code triage:} section of the configuration, with defaults that
 * follow GitLab.com's release runbook.
 */
public record TriageSettings(String onCall, String devEscalation, List<String> databaseMaintainers,
                             Duration remindAfter, Duration snooze) {

    public TriageSettings {
        Objects.requireNonNull(onCall, "onCall");
        Objects.requireNonNull(devEscalation, "devEscalation");
        databaseMaintainers = List.copyOf(databaseMaintainers);
        if (remindAfter.isNegative() || remindAfter.isZero()) throw new IllegalArgumentException("remind-after must be positive");
        if (snooze.isNegative() || snooze.isZero()) throw new IllegalArgumentException("snooze must be positive");
    }

    public static TriageSettings defaults(List<String> databaseMaintainers) {
        return new TriageSettings("@sre-oncall", "@dev-escalation", databaseMaintainers, Duration.ofMinutes(30),
                Duration.ofHours(1));
    }

    public TriageSettings withRemindAfter(Duration value) {
        return new TriageSettings(onCall, devEscalation, databaseMaintainers, value, snooze);
    }
}
