package pdmbot.storage.triage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The triages of failed runs: one per (run, environment, failure) decided by the database, the reminders each
 * claimed once, and the migrations marked executed through GitLab's admin API.
 */
public interface TriageStore {

    /** A triage as the run knows it: {@code failure} is the migration version, or the step id when none failed. */
    record TriageRecord(long runId, String environment, String failure, String dialogueId, String startedBy, Instant createdAt) {
        public TriageRecord {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(dialogueId, "dialogueId");
            Objects.requireNonNull(startedBy, "startedBy");
        }
    }

    sealed interface Claim permits Claimed, Existing {
    }

    /** This caller's triage is the one: open its dialogue. */
    record Claimed(TriageRecord triage) implements Claim {
    }

    /** The failure already has its triage (this instance's, another's, or an earlier request's): resume it. */
    record Existing(TriageRecord triage) implements Claim {
    }

    /** A migration marked executed: where, by whom, and what GitLab answered. */
    record MigrationMark(String environment, String database, String version, String markedBy, Instant markedAt, String outcome) {
    }

    Claim claim(TriageRecord triage);

    Optional<TriageRecord> byDialogue(String dialogueId);

    /** Every triage of a run, oldest first. */
    List<TriageRecord> ofRun(long runId);

    /** The newest triage of a failed migration version, any run. */
    Optional<TriageRecord> newestFor(String failure);

    /** Claims the reminder of {@code dialogueId} due at {@code dueAt}; false when another instance (or an earlier call) did. */
    boolean claimReminder(String dialogueId, Instant dueAt, String instance);

    /** Records a mark once; false when it was already recorded. */
    boolean recordMark(MigrationMark mark);

    List<MigrationMark> marks();
}
