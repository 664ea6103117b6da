package pdmbot.durations;

import java.time.Duration;
import java.util.Objects;

/**
 * An expected duration with what it rests on: {@code samples} past runs of similar migrations (0 when it is
 * the nature's default) and a short {@code basis} a user can read ("median of 7 ddl_cleanup on ci").
 */
public record Prediction(Duration expected, int samples, String basis) {

    public Prediction {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(basis, "basis");
        if (expected.isNegative()) throw new IllegalArgumentException("a negative duration: " + expected);
        if (samples < 0) throw new IllegalArgumentException("negative samples: " + samples);
    }
}
