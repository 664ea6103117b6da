package pdmbot.config;

import java.util.List;
import java.util.Map;

/**
 * Predicted durations of post-deploy migrations: {@code default-minutes} per nature replaces the built-in guess
 * used when nothing similar ran before (see {@code pdmbot.durations.DefaultDurations}).
 */
public record DurationsConfig(Map<String, Integer> defaultMinutes) {
    public static final List<String> NATURES = List.of("sidekiq_only", "large_index_or_fk", "ddl_cleanup",
            "dml_inline", "finalize_background", "noop", "unknown");

    public DurationsConfig {
        defaultMinutes = defaultMinutes == null ? Map.of() : Map.copyOf(defaultMinutes);
        for (Map.Entry<String, Integer> e : defaultMinutes.entrySet()) {
            if (!NATURES.contains(e.getKey()))
                throw new IllegalArgumentException("default-minutes." + e.getKey() + ": not a nature; expected one of "
                        + String.join(", ", NATURES));
            if (e.getValue() == null || e.getValue() < 0)
                throw new IllegalArgumentException("default-minutes." + e.getKey() + ": must be 0 or more minutes");
        }
    }
}
