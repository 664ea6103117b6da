package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import pdmbot.rules.decide.DecisionFacts.Traffic;

/**
 * The load the decisions see at a moment: the calendar's weekly profile, or, with a Prometheus load query, the last
 * week's real load by hour of the week (normalised to its peak) for future moments and the latest sample for now. When
 * Prometheus cannot answer, the profile is used and the traffic's source says why.
 */
public final class TrafficSource {

    private final TrafficCalendar calendar;
    private final Optional<PrometheusClient> prometheus;
    private final String loadQuery;

    public TrafficSource(TrafficCalendar calendar, Optional<PrometheusClient> prometheus, String loadQuery) {
        this.calendar = calendar;
        this.prometheus = loadQuery == null || loadQuery.isBlank() ? Optional.empty() : prometheus;
        this.loadQuery = loadQuery;
    }

    public TrafficCalendar calendar() {
        return calendar;
    }

    /** The traffic at each hour from one read of the source made at {@code now}. */
    public Profile readAt(Instant now) {
        if (prometheus.isEmpty()) return new Profile(calendar, Optional.empty(), "calendar");
        PrometheusAnswer answer = prometheus.get().range(loadQuery, now.minus(Duration.ofDays(7)), now, Duration.ofHours(1));
        if (answer instanceof PrometheusAnswer.Unavailable u)
            return new Profile(calendar, Optional.empty(), "calendar; Prometheus load unknown: " + u.why());
        if (!(answer instanceof PrometheusAnswer.Samples samples))
            throw new IllegalStateException("a Prometheus answer that is none of its permitted cases: " + answer);
        double[] sum = new double[168];
        int[] count = new int[168];
        double peak = 0;
        PrometheusAnswer.Sample latest = null;
        for (PrometheusAnswer.Sample s : samples.samples()) {
            if (Double.isNaN(s.value()) || Double.isInfinite(s.value())) continue;
            int h = calendar.hourOfWeek(s.at());
            sum[h] += s.value();
            count[h]++;
            if (latest == null || s.at().isAfter(latest.at())) latest = s;
        }
        for (int h = 0; h < 168; h++) if (count[h] > 0) peak = Math.max(peak, sum[h] / count[h]);
        if (peak <= 0 || latest == null)
            return new Profile(calendar, Optional.empty(), "calendar; Prometheus load unknown: no samples in the last week");
        double[] levels = new double[168];
        for (int h = 0; h < 168; h++) levels[h] = count[h] > 0 ? Math.min(1, sum[h] / count[h] / peak) : calendar.levelAt(now);
        return new Profile(calendar.withLevels(levels), Optional.of(Math.min(1, latest.value() / peak)),
                "Prometheus, last week's load by hour");
    }

    /** One read of the traffic: a weekly profile, and the load now when it was measured. */
    public record Profile(TrafficCalendar calendar, Optional<Double> now, String source) {
        public Traffic at(Instant at, boolean isNow) {
            if (isNow && this.now.isPresent()) return new Traffic(this.now.get(), "Prometheus, now");
            return new Traffic(calendar.levelAt(at), source);
        }
    }
}
