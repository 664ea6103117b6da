package pdmbot.chat.interaction;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import pdmbot.chat.ChatRequest;
import pdmbot.domain.interaction.DialogueStore;

/**
 * A multi-step dialogue's state (a triage, a scheduled-run proposal), persisted so that it resumes after a restart
 * and on another instance; each answer is accepted once, on the version it was given for.
 */
public final class Dialogues {

    /** How long an unanswered dialogue stays open. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final DialogueStore store;
    private final Clock clock;

    public Dialogues(DialogueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Opens a dialogue of {@code kind} on {@code subject} for the asker, or returns the one already open. */
    public DialogueStore.Start open(String kind, String subject, ChatRequest askedBy, String firstStep, String state) {
        return store.start(new DialogueStore.Dialogue(UUID.randomUUID().toString().replace("-", ""), kind, subject,
                askedBy.platform(), askedBy.channel(), askedBy.userId(), firstStep, state, 0, null, null,
                clock.instant().plus(LIFETIME), true));
    }

    public Optional<DialogueStore.Dialogue> openOn(String kind, String subject) {
        return store.openOn(kind, subject);
    }

    public Optional<DialogueStore.Dialogue> find(String id) {
        return store.find(id);
    }

    /** Records an answer given on {@code version}; a stale one (someone answered first) changes nothing. */
    public DialogueStore.Advance answer(String id, int version, String nextStep, String state) {
        return store.advance(id, version, nextStep, state, clock.instant().plus(LIFETIME));
    }

    public DialogueStore.Advance finish(String id, int version, String lastStep) {
        return store.close(id, version, lastStep);
    }

    /** The message a dialogue's live summary ({@code triage-<id>}) was posted as on {@code platform}, by any instance. */
    public Optional<String> liveMessage(String liveKey, String platform) {
        return store.liveMessage(liveKey, platform);
    }

    /** Records the message a live summary was posted as, so that every instance, and this one after a restart, edits it. */
    public void keepLiveMessage(String liveKey, String platform, String channel, String messageId) {
        store.keepLiveMessage(liveKey, platform, channel, messageId);
    }
}
