package pdmbot.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import pdmbot.decide.Window;
import pdmbot.domain.Environment;

/** One group's window: what a scheduled task carries, and what an offer claims. */
public record WindowKey(Environment environment, String nature, Instant start, Instant end) {

    public WindowKey {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) throw new IllegalArgumentException("a window must end after it starts: " + start + " " + end);
        if (!nature.matches("[a-z_]+")) throw new IllegalArgumentException("not a nature: " + nature);
    }

    /**
     * The key of a window as the decisions give it, ending at the latest at the end of its start's UTC day: a window
     * that does not close within the lookahead ends at the lookahead's end, which moves with every look, and a window
     * already open starts at the look; a day's end is where neither moves. A window over several days is proposed
     * once a day (skipped or unanswered, the next day's part is its next window).
     */
    public static WindowKey of(Environment environment, String nature, Window window) {
        Instant endOfDay = window.start().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        return new WindowKey(environment, nature, window.start(), window.end().isAfter(endOfDay) ? endOfDay : window.end());
    }

    /**
     * The scheduled task's instance id: one per environment, nature and window end (a window already open is given
     * as starting now, so its start moves from one look to the next; its end does not).
     */
    public String instanceId() {
        return environment.id() + "/" + nature + "/" + end.getEpochSecond();
    }

    /** The task's data: {@code gprd ddl_cleanup <start> <end>} (ISO instants). */
    public String data() {
        return environment.id() + " " + nature + " " + start + " " + end;
    }

    public static WindowKey parse(String data) {
        String[] parts = data.trim().split(" ");
        if (parts.length != 4) throw new IllegalArgumentException("not a window: " + data);
        return new WindowKey(Environment.byId(parts[0]).orElseThrow(() -> new IllegalArgumentException("no environment " + parts[0])),
                parts[1], Instant.parse(parts[2]), Instant.parse(parts[3]));
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
