package pdmbot.decide;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What Prometheus answered a query: samples, or why there are none to trust (a timeout, an error, garbage). */
public sealed interface PrometheusAnswer permits PrometheusAnswer.Samples, PrometheusAnswer.Unavailable {

    /** One value of one series at one time. */
    record Sample(Map<String, String> metric, Instant at, double value) {
        public Sample {
            metric = Map.copyOf(metric);
            Objects.requireNonNull(at, "at");
        }
    }

    /** Every sample of every series, in the order Prometheus gave them. */
    record Samples(List<Sample> samples) implements PrometheusAnswer {
        public Samples {
            samples = List.copyOf(samples);
        }
    }

    /** No usable answer; {@code why} says what happened, without the query's credentials. */
    record Unavailable(String why) implements PrometheusAnswer {
        public Unavailable {
            Objects.requireNonNull(why, "why");
        }
    }
}
