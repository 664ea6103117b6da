package pdmbot.decide.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The demo's clock for decisions: the real clock moved by what {@code demo clock} set (not at all by default). */
public final class DemoClock extends Clock {

    private final DemoDecideState state;
    private final Clock real;

    public DemoClock(DemoDecideState state, Clock real) {
        this.state = state;
        this.real = real;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return state.now(real.instant());
    }
}
