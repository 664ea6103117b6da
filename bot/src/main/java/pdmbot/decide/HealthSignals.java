package pdmbot.decide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pdmbot.config.DecideConfig;
import pdmbot.rules.decide.DecisionFacts.Health;

/**
 * The database health signals, each a configured Prometheus instant query that answers stop, normal or unknown. A
 * per-table signal ({@code {table}} in its query) is asked once per table of the pending groups. A timeout, a refusal,
 * garbage or no series at all is unknown, and says why; never a silent normal.
 */
public final class HealthSignals {

    private final Optional<PrometheusClient> prometheus;
    private final List<DecideConfig.Signal> signals;

    public HealthSignals(Optional<PrometheusClient> prometheus, List<DecideConfig.Signal> signals) {
        this.prometheus = prometheus;
        this.signals = List.copyOf(signals);
    }

    /** Without Prometheus there is nothing to ask, and no signal is reported (the decisions say no health is read). */
    public boolean isConfigured() {
        return prometheus.isPresent() && !signals.isEmpty();
    }

    public List<Health> readAt(Instant at, Collection<String> tables) {
        if (prometheus.isEmpty()) return List.of();
        List<Health> readings = new ArrayList<>();
        String[] down = {null};
        for (DecideConfig.Signal signal : signals) {
            if (!signal.isPerTable()) {
                readings.add(read(signal, signal.query(), "", at, down));
                continue;
            }
            for (String table : tables) {
                if (!table.matches("[A-Za-z0-9_.]+")) continue;
                readings.add(read(signal, signal.query().replace("{table}", table), table, at, down));
            }
        }
        return readings;
    }

    /** After a timeout or an unreachable Prometheus the rest are unknown for the same reason, without waiting again. */
    private Health read(DecideConfig.Signal signal, String query, String table, Instant at, String[] down) {
        if (down[0] != null) return new Health(signal.name(), table, "unknown", down[0]);
        Health health = read(signal, query, table, at);
        if (health.state().equals("unknown") && (health.detail().startsWith("Prometheus did not answer")
                || health.detail().contains("could not be reached"))) down[0] = health.detail();
        return health;
    }

    private Health read(DecideConfig.Signal signal, String query, String table, Instant at) {
        PrometheusAnswer answer = prometheus.orElseThrow().instant(query, at);
        if (answer instanceof PrometheusAnswer.Unavailable u) return new Health(signal.name(), table, "unknown", u.why());
        if (!(answer instanceof PrometheusAnswer.Samples samples))
            throw new IllegalStateException("a Prometheus answer that is none of its permitted cases: " + answer);
        if (samples.samples().isEmpty())
            return new Health(signal.name(), table, "unknown", "the query returned no series");
        double value = signal.stopAbove() != null
                ? samples.samples().stream().mapToDouble(PrometheusAnswer.Sample::value).max().orElseThrow()
                : samples.samples().stream().mapToDouble(PrometheusAnswer.Sample::value).min().orElseThrow();
        if (Double.isNaN(value)) return new Health(signal.name(), table, "unknown", "the query returned NaN");
        boolean stop = signal.stopAbove() != null ? value > signal.stopAbove() : value < signal.stopBelow();
        String limit = signal.stopAbove() != null ? "stop above " + number(signal.stopAbove()) : "stop below " + number(signal.stopBelow());
        return new Health(signal.name(), table, stop ? "stop" : "normal", number(value) + ", " + limit);
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
