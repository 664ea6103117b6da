package pdmbot.run;

import java.time.Duration;
import java.time.Instant;

/** How the bot writes how long something took: {@code 42s}, {@code 3m 05s}, {@code 1h 02m}. */
public final class Durations {

    private Durations() {
    }

    public static String between(Instant from, Instant to) {
        if (from == null || to == null) return "";
        return of(Duration.between(from, to));
    }

    public static String of(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) return s + "s";
        if (s < 3600) return String.format("%dm %02ds", s / 60, s % 60);
        return String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
