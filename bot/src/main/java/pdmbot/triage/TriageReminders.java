package pdmbot.triage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import pdmbot.chat.Reply;
import pdmbot.domain.interaction.DialogueStore;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.triage.TriageStore;

/**
 * Reminds the release managers of a triage left without an answer: when its reminder is due, the instance that claims
 * (triage, due time) in the database posts it, so several instances remind once; the next one is due a period later
 * (or when a snooze says).
 */
final class TriageReminders {

    private final TriageService triage;
    private final RunStore runs;
    private final String instance;

    TriageReminders(TriageService triage, RunStore runs, String instance) {
        this.triage = triage;
        this.runs = runs;
        this.instance = instance;
    }

    /** Posts the reminders due now; how many this instance posted. */
    int remindDue() {
        Instant now = triage.clock().instant();
        int posted = 0;
        for (RunRecord run : runs.active().stream().toList()) {
            for (TriageStore.TriageRecord t : triage.store().ofRun(run.id())) {
                DialogueStore.Dialogue d = triage.dialogues().find(t.dialogueId()).orElse(null);
                if (d == null || !d.isOpen()) continue;
                TriageState state = TriageState.fromJson(d.state());
                if (state.isClosed() || state.remindAt().isBlank()) continue;
                Instant due = Instant.parse(state.remindAt());
                if (due.isAfter(now)) continue;
                if (!triage.store().claimReminder(t.dialogueId(), due, instance)) continue;
                String next = now.plus(triage.settings().remindAfter()).truncatedTo(ChronoUnit.SECONDS).toString();
                triage.dialogues().answer(d.id(), d.version(), d.step(), state.withRemindAt(next).toJson());
                triage.announce(t.runId(), "reminder-" + t.dialogueId() + "-" + due.getEpochSecond(), Reply.builder()
                        .text("Reminder, release managers: the triage of PDM run #" + t.runId() + " (`" + t.failure()
                                + "` on db/" + t.environment() + ") has had no answer since " + since(state) + ". `triage run "
                                + t.runId() + "` shows it; `triage answer " + t.runId() + " snooze 60` snoozes this reminder.")
                        .build());
                triage.record("pdm-bot", "triage reminder", "reminded", "run #" + t.runId() + " " + t.failure());
                posted++;
            }
        }
        return posted;
    }

    private static String since(TriageState state) {
        return state.answers().isEmpty() ? "it started" : state.answers().get(state.answers().size() - 1).at();
    }
}
