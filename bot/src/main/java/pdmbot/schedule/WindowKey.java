package pdmbot.schedule;

import java.time.Instant;
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

    public static WindowKey of(Environment environment, String nature, Window window) {
        return new WindowKey(environment, nature, window.start(), window.end());
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
