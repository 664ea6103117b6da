package pdmbot.durations;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a migration of a nature is expected to take when nothing similar ran before: the built-in guesses, each
 * replaceable by {@code durations.default-minutes}. The guesses follow the natures' meaning: scheduling Sidekiq work
 * or doing nothing is seconds; removing schema objects is minutes (a concurrent index drop); rewriting rows inline or
 * finalising leftover batches is tens of minutes; building an index or validating a constraint on GitLab.com's tables
 * takes the longest.
 */
public final class DefaultDurations {

    static final Map<String, Duration> BUILT_IN = Map.of(
            "noop", Duration.ofMinutes(1),
            "sidekiq_only", Duration.ofMinutes(1),
            "ddl_cleanup", Duration.ofMinutes(5),
            "unknown", Duration.ofMinutes(10),
            "finalize_background", Duration.ofMinutes(15),
            "dml_inline", Duration.ofMinutes(20),
            "large_index_or_fk", Duration.ofMinutes(45));

    private final Map<String, Duration> byNature;

    private DefaultDurations(Map<String, Duration> byNature) {
        this.byNature = Map.copyOf(byNature);
    }

    public static DefaultDurations builtIn() {
        return new DefaultDurations(BUILT_IN);
    }

    /** The built-in guesses with {@code minutes} (nature → minutes) over them. */
    public static DefaultDurations withMinutes(Map<String, Integer> minutes) {
        Map<String, Duration> all = new TreeMap<>(BUILT_IN);
        minutes.forEach((nature, m) -> {
            if (m == null || m < 0) throw new IllegalArgumentException(nature + ": must be a number of minutes, 0 or more");
            all.put(nature, Duration.ofMinutes(m));
        });
        return new DefaultDurations(all);
    }

    public Duration of(String nature) {
        return byNature.getOrDefault(nature, byNature.get("unknown"));
    }
}
