package pdmbot.storage.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.Environment;

/**
 * What the bot did at one group's window: proposed it ({@link Kind#PROPOSED}, answered by Confirm or Skip), started
 * it without a click ({@link Kind#AUTO}), or found the window already over ({@link Kind#MISSED}). {@code versions}
 * are the group's migrations then, in version order.
 */
public record Offer(long id, Environment environment, String nature, Instant windowStart, Instant windowEnd, Kind kind,
                    State state, List<String> versions, Optional<String> dialogueId, Optional<String> decidedBy,
                    Optional<Long> runId, String outcome, Instant createdAt, Optional<Instant> decidedAt) {

    public enum Kind { PROPOSED, AUTO, MISSED }

    /** {@code OPEN} waits for an answer; every other state is final. */
    public enum State { OPEN, CONFIRMED, SKIPPED, EXPIRED, STARTED, REFUSED, MISSED }

    public Offer {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        versions = List.copyOf(versions);
        Objects.requireNonNull(dialogueId, "dialogueId");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(runId, "runId");
        outcome = outcome == null ? "" : outcome;
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
