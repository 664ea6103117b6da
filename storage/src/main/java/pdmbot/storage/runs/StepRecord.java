package pdmbot.storage.runs;

import java.time.Instant;
import java.util.Objects;

/** One step of a run: its number (from 1), name, state, how many times it was tried, times and outcome line. */
public record StepRecord(long runId, int number, String name, StepState state, int attempt, Instant startedAt,
                         Instant finishedAt, String outcome) {

    public StepRecord {
        if (number < 1) throw new IllegalArgumentException("steps are numbered from 1: " + number);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        if (outcome == null) outcome = "";
    }
}
