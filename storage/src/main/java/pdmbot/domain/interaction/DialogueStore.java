package pdmbot.domain.interaction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The persisted state of multi-step chat dialogues: one open dialogue per (kind, subject), every answer a new
 * version decided by the database, so two clicks or two instances never both advance the same step.
 */
public interface DialogueStore {

    /** A dialogue as stored; {@code state} is the dialogue's own (JSON) text, {@code step} where it stands. */
    record Dialogue(String id, String kind, String subject, String platform, String channel, String owner, String step,
                    String state, int version, Instant createdAt, Instant updatedAt, Instant expiresAt, boolean isOpen) {
        public Dialogue {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(step, "step");
            if (state == null) state = "{}";
        }
    }

    sealed interface Start permits Started, AlreadyOpen {
    }

    record Started(Dialogue dialogue) implements Start {
    }

    /** Another dialogue of this kind is open on the subject (perhaps started on another instance): resume it. */
    record AlreadyOpen(Dialogue dialogue) implements Start {
    }

    sealed interface Advance permits Advanced, Stale, Closed, Missing {
    }

    record Advanced(Dialogue dialogue) implements Advance {
    }

    /** Someone answered first: {@code current} is what they made of it. */
    record Stale(Dialogue current) implements Advance {
    }

    record Closed(Dialogue dialogue) implements Advance {
    }

    record Missing(String id) implements Advance {
    }

    /** Opens a dialogue at version 1 unless one of its kind is open on its subject. */
    Start start(Dialogue dialogue);

    Optional<Dialogue> find(String id);

    /** The open dialogue of {@code kind} on {@code subject}, if any. */
    Optional<Dialogue> openOn(String kind, String subject);

    /** Moves the dialogue to {@code step}/{@code state} if it is still open at {@code expectedVersion}. */
    Advance advance(String id, int expectedVersion, String step, String state, Instant expiresAt);

    /** Closes it at {@code expectedVersion} with its last step; a closed dialogue stays as history. */
    Advance close(String id, int expectedVersion, String step);

    /** The message a dialogue's live summary was posted as on {@code platform} (a Slack ts, a Discord message id). */
    Optional<String> liveMessage(String liveKey, String platform);

    /**
     * Records that the live summary {@code liveKey} is {@code messageId} in {@code channel} on {@code platform}; a
     * message posted again (the old one could not be edited) replaces the one recorded.
     */
    void keepLiveMessage(String liveKey, String platform, String channel, String messageId);
}
