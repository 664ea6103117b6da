package pdmbot.storage.runs;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of a run: number (1 for the execute), who made it and when, the step it started from, the production
 * checks it was made on (one line per check; empty until checked), how it went and why.
 */
public record RunAttempt(long runId, int number, String startedBy, Instant startedAt, String fromStep, String checks,
                         AttemptState state, String outcome, Instant finishedAt) {

    public RunAttempt {
        if (number < 1) throw new IllegalArgumentException("attempts are numbered from 1: " + number);
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(fromStep, "fromStep");
        if (checks == null) checks = "";
        Objects.requireNonNull(state, "state");
        if (outcome == null) outcome = "";
    }
}
