package pdmbot.storage.runs;

import java.time.Instant;

/** A side effect of a run as stored: claimed before it is made, done (with its result) after. */
public record SideEffect(long runId, String key, boolean isDone, String result, Instant claimedAt, Instant doneAt) {
}
