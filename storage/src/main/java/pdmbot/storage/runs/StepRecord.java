package pdmbot.storage.runs;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a run: its number (from 1, for display), its stable id ({@code name}), what it does ({@code kind}) and
 * where ({@code target}, may be empty), its state, how many times it was tried, times and outcome line.
 */
public record StepRecord(long runId, int number, String name, String kind, String target, StepState state, int attempt,
                         Instant startedAt, Instant finishedAt, String outcome) {

    public StepRecord {
        if (number < 1) throw new IllegalArgumentException("steps are numbered from 1: " + number);
        Objects.requireNonNull(name, "name");
        if (kind == null) kind = "";
        if (target == null) target = "";
        Objects.requireNonNull(state, "state");
        if (outcome == null) outcome = "";
    }
}
