package pdmbot.storage.locks;

import java.time.Instant;
import java.util.Objects;
import pdmbot.domain.Environment;

/** A lock on an environment: no PDM runs there while it holds, unless it expired ({@code until} passed). */
public record EnvironmentLock(Environment environment, String lockedBy, String reason, Instant lockedAt, Instant until) {
    public EnvironmentLock {
        Objects.requireNonNull(environment, "environment");
        if (lockedBy == null || lockedBy.isBlank()) throw new IllegalArgumentException("a lock names who took it");
        Objects.requireNonNull(lockedAt, "lockedAt");
    }

    /** Whether the lock has an end and it has passed at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return until != null && !until.isAfter(now);
    }
}
