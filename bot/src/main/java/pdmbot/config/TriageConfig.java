package pdmbot.config;

import java.util.List;

/**
 * The failure triage (issue 15): whom "request support" names, which GitLab usernames count as database maintainers
 * (an approver among them is the migration's database reviewer), and when an unanswered triage is reminded.
 */
public record TriageConfig(String onCall, String devEscalation, List<String> databaseMaintainers, Integer remindAfterMinutes,
                           Integer snoozeMinutes) {
    public TriageConfig {
        if (onCall == null || onCall.isBlank()) onCall = "@sre-oncall";
        if (devEscalation == null || devEscalation.isBlank()) devEscalation = "@dev-escalation";
        databaseMaintainers = databaseMaintainers == null ? null : List.copyOf(databaseMaintainers);
        if (remindAfterMinutes == null) remindAfterMinutes = 30;
        if (remindAfterMinutes <= 0) throw new IllegalArgumentException("remind-after-minutes: must be a positive number of minutes");
        if (snoozeMinutes == null) snoozeMinutes = 60;
        if (snoozeMinutes <= 0) throw new IllegalArgumentException("snooze-minutes: must be a positive number of minutes");
    }
}
