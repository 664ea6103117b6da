package pdmbot.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's time: a base clock (real time in the demo, a fixed one in tests) plus an offset that the control
 * API moves forward, so pipelines advance with real time at their pace and jump when a test or a demo command says so.
 */
public final class EmulatorClock {

    private final Clock base;
    private volatile Duration offset;

    public EmulatorClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = offset;
    }

    public static EmulatorClock system() {
        return new EmulatorClock(Clock.systemUTC(), Duration.ZERO);
    }

    /** A clock that stands still at {@code start} until advanced. */
    public static EmulatorClock fixedAt(Instant start) {
        return new EmulatorClock(Clock.fixed(start, java.time.ZoneOffset.UTC), Duration.ZERO);
    }

    public Instant now() {
        return base.instant().plus(offset);
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("the emulator's clock only moves forward");
        offset = offset.plus(by);
    }

    Duration offset() {
        return offset;
    }

    void offset(Duration restored) {
        offset = restored;
    }
}
