package pdmbot.chat.interaction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which platform message a live announcement (a triage's summary) was posted as, for the adapter that edits it in
 * place: kept with the dialogues, so a restarted instance, or another one, edits the same message. A store that
 * cannot be reached is logged and read as "not posted yet": the summary is then posted again rather than lost.
 */
public interface LiveMessages {

    Optional<String> find(String liveKey);

    void keep(String liveKey, String messageId);

    /** Kept with the dialogues ({@link Dialogues#keepLiveMessage}) for {@code platform}'s {@code channel}. */
    static LiveMessages of(Dialogues dialogues, String platform, String channel) {
        Logger log = LoggerFactory.getLogger(LiveMessages.class);
        return new LiveMessages() {
            @Override
            public Optional<String> find(String liveKey) {
                try {
                    return dialogues.liveMessage(liveKey, platform);
                } catch (RuntimeException e) {
                    log.error("could not read which {} message the live announcement {} is; posting it anew", platform, liveKey, e);
                    return Optional.empty();
                }
            }

            @Override
            public void keep(String liveKey, String messageId) {
                try {
                    dialogues.keepLiveMessage(liveKey, platform, channel, messageId);
                } catch (RuntimeException e) {
                    log.error("could not record that the live announcement {} is {} message {}", liveKey, platform, messageId, e);
                }
            }
        };
    }

    /** Only in this process (no interaction service: an adapter test), the most recent {@code remembered} of them. */
    static LiveMessages inMemory(int remembered) {
        Map<String, String> ids = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > remembered;
            }
        });
        return new LiveMessages() {
            @Override
            public Optional<String> find(String liveKey) {
                return Optional.ofNullable(ids.get(liveKey));
            }

            @Override
            public void keep(String liveKey, String messageId) {
                ids.put(liveKey, messageId);
            }
        };
    }
}
