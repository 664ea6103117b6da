package pdmbot.storage.runs;

import java.time.Instant;
import java.util.Objects;

/**
 * A PDM run as stored: who started it and when, the checks' results as text, its state, its outcome line once
 * finished, and which instance drives it (with its last heartbeat).
 */
public record RunRecord(long id, RunState state, String startedBy, Instant startedAt, Instant finishedAt, String checks,
                        String outcome, String owner, Instant heartbeatAt) {

    public RunRecord {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        if (checks == null) checks = "";
        if (outcome == null) outcome = "";
    }

    public boolean isActive() {
        return state.isActive();
    }
}
