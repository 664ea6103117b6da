package pdmbot.run;

import java.time.Duration;

/** Waits between two polls of a pipeline; tests pass one that does not wait. */
@FunctionalInterface
public interface Pacer {

    void pause(Duration duration) throws InterruptedException;

    Pacer SLEEP = duration -> Thread.sleep(duration.toMillis());
    Pacer NONE = duration -> { };
}
