package pdmbot.domain.interaction;

import java.time.Instant;

/**
 * Makes a chat platform's event happen once: platform retries and several bot instances receiving
 * the same event all ask to claim it, and exactly one of them is told yes.
 */
public interface ChatEventStore {

    /** True for the first claim of {@code (platform, eventId)}, false for every later one, on any instance. */
    boolean claim(String platform, String eventId, String instance);

    /** Gives a claim back, so that the platform's retry (or another instance) can handle the event after all. */
    void release(String platform, String eventId);

    /** Forgets claims older than {@code before}; platforms stop retrying long before. Returns how many went. */
    int forgetClaimedBefore(Instant before);
}
