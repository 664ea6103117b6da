package pdmbot.storage.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One chat command as the audit log keeps it: who, where, what, how it ended and how long it took.
 * {@code eventId} is the platform's own id for the event; {@code outcome} is a short word such as
 * {@code ok}, {@code denied}, {@code failed}.
 */
public record AuditEntry(Instant at, String platform, String channel, String userId, String userName, String eventId,
                         String command, String outcome, String detail, String correlationId, long durationMs) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        if (platform == null || platform.isBlank()) throw new IllegalArgumentException("an audit entry names its platform");
        Objects.requireNonNull(command, "command");
        if (outcome == null || outcome.isBlank()) throw new IllegalArgumentException("an audit entry has an outcome");
        if (durationMs < 0) throw new IllegalArgumentException("a duration is not negative: " + durationMs);
    }
}
