package pdmbot.decide;

import java.time.Instant;
import java.util.List;

/**
 * What the scheduler asks of the run decisions: every group pending now, each with its next good window
 * between {@code from} and {@code until} (a window already open at {@code from} starts at {@code from}).
 */
@FunctionalInterface
public interface RunWindows {

    List<GroupWindow> windows(Instant from, Instant until);
}
