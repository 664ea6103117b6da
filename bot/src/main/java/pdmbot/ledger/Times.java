package pdmbot.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the bot writes times: UTC, to the minute, the way release managers read package versions. */
public final class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
