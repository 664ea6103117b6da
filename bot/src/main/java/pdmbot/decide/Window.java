package pdmbot.decide;

import java.time.Instant;
import java.util.Objects;

/** A span of time in which a group may run: from {@code start} (inclusive) to {@code end} (exclusive). */
public record Window(Instant start, Instant end) {

    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) throw new IllegalArgumentException("a window must end after it starts: " + start + " " + end);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
