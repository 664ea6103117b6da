package pdmbot.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One platform event turned into a command request: who asked, where, and the words typed (or the
 * command a clicked button carries). {@code eventId} is the platform's own id, used as idempotency key.
 */
public record ChatRequest(String platform, String userId, String userName, String channel, String thread,
                          String text, String eventId, Instant receivedAt) {

    public ChatRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(text, "text");
        if (userName == null || userName.isBlank()) userName = userId;
        if (channel == null) channel = "";
        if (eventId == null) eventId = "";
        if (receivedAt == null) receivedAt = Instant.now();
    }

    /** A request typed by a user on a platform, with no thread. */
    public static ChatRequest of(String platform, String userId, String text) {
        return new ChatRequest(platform, userId, userId, "", null, text, "", Instant.now());
    }
}
