package pdmbot.decide.demo;

import java.time.Instant;
import pdmbot.decide.TrafficCalendar;
import pdmbot.emulator.prometheus.PrometheusEmulator;

/**
 * The demo's Prometheus values: requests per second following the GitLab.com-like weekly profile (peak 2,000/s),
 * autovacuum on the tables {@code demo health autovacuum} named, a short WAL archive queue and a healthy Patroni apdex.
 */
public final class DemoPrometheusModel implements PrometheusEmulator.Model {

    static final double PEAK_REQUESTS = 2000;

    private final DemoDecideState state;
    private final TrafficCalendar profile = TrafficCalendar.gitLabComLike();

    public DemoPrometheusModel(DemoDecideState state) {
        this.state = state;
    }

    @Override
    public double requestRate(Instant at) {
        return Math.round(profile.levelAt(at) * PEAK_REQUESTS);
    }

    @Override
    public int autovacuumWorkers(String table) {
        return state.autovacuum().contains(table) ? 1 : 0;
    }

    @Override
    public double pendingWal() {
        return 3;
    }

    @Override
    public double patroniApdex() {
        return 0.9991;
    }
}
