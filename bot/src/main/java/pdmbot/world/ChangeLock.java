package pdmbot.world;

import java.time.Instant;
import java.util.Objects;

/** A production change lock window (a freeze, a holiday): no post-deploy migrations from {@code from} to {@code until}. */
public record ChangeLock(String name, Instant from, Instant until, String reason) {

    public ChangeLock {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a change lock has a name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) throw new IllegalArgumentException("a change lock ends after it starts: " + name);
        if (reason == null) reason = "";
    }

    public boolean isInForceAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }
}
