package pdmbot.world;

import java.time.Instant;
import java.util.List;

/** The production change-lock calendar (from the configuration, or a shared calendar). */
public interface ChangeLockCalendar {

    /** Every window in the calendar, by start. */
    List<ChangeLock> windows();

    /** The windows in force at {@code now}. */
    default List<ChangeLock> inForceAt(Instant now) {
        return windows().stream().filter(w -> w.isInForceAt(now)).toList();
    }
}
