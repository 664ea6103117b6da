package pdmbot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run decisions' settings ({@code decide:}): the traffic calendar, the policy per nature, the bake time and the
 * Prometheus queries (durations are {@code durations:}). Every key has a default, so an empty section decides with GitLab.com's
 * known policy on a GitLab.com-like weekly profile.
 */
public record DecideConfig(String zone, String calendarFile, Map<String, String> loadProfile, List<String> holidays,
                           Double lowTraffic, Integer bakeHours, Map<String, List<String>> policy,
                           Prometheus prometheus, Health health) {

    /** The windows a nature may run in, as the policy lists them. */
    public static final List<String> WINDOWS = List.of("working-days", "weekends", "low-traffic", "deploy-gap");

    public DecideConfig {
        if (zone == null || zone.isBlank()) zone = "UTC";
        try {
            java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("zone: '" + zone + "' is not a time zone (e.g. UTC, Europe/Amsterdam)");
        }
        loadProfile = loadProfile == null ? Map.of() : Map.copyOf(loadProfile);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        if (lowTraffic == null) lowTraffic = 0.35;
        if (lowTraffic < 0 || lowTraffic > 1) throw new IllegalArgumentException("low-traffic: must be between 0 and 1");
        if (bakeHours == null) bakeHours = 12;
        if (bakeHours < 0) throw new IllegalArgumentException("bake-hours: must not be negative");
        Map<String, List<String>> merged = new LinkedHashMap<>(defaultPolicy());
        if (policy != null) merged.putAll(policy);
        for (Map.Entry<String, List<String>> e : merged.entrySet())
            for (String window : e.getValue())
                if (!WINDOWS.contains(window))
                    throw new IllegalArgumentException("policy." + e.getKey() + ": '" + window + "' is not a window; expected "
                            + String.join(", ", WINDOWS));
        policy = Map.copyOf(merged);
        if (prometheus == null) prometheus = new Prometheus(null, null, null);
        if (health == null) health = new Health(null, null);
    }

    public static DecideConfig defaults() {
        return new DecideConfig(null, null, null, null, null, null, null, null, null);
    }

    /**
     * The known policy (issue 14): sidekiq_only any hour of a working day (and whenever else); large_index_or_fk at the
     * weekend or in low traffic with no deploy expected during it; ddl_cleanup at the weekend or in low traffic;
     * dml_inline and finalize_background in low traffic; noop whenever; unknown only in low traffic.
     */
    static Map<String, List<String>> defaultPolicy() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("sidekiq_only", List.of("working-days", "weekends", "low-traffic"));
        p.put("large_index_or_fk", List.of("weekends", "low-traffic", "deploy-gap"));
        p.put("ddl_cleanup", List.of("weekends", "low-traffic"));
        p.put("dml_inline", List.of("low-traffic"));
        p.put("finalize_background", List.of("low-traffic"));
        p.put("noop", List.of("working-days", "weekends", "low-traffic"));
        p.put("unknown", List.of("low-traffic"));
        return p;
    }

    /** Prometheus' HTTP API; {@code url} empty means none (the calendar's profile alone gives the load). */
    public record Prometheus(String url, Integer timeoutSeconds, String loadQuery) {
        public Prometheus {
            if (url == null) url = "";
            if (timeoutSeconds == null) timeoutSeconds = 2;
            if (timeoutSeconds <= 0) throw new IllegalArgumentException("timeout-seconds: must be a positive number of seconds");
            if (loadQuery == null) loadQuery = "";
        }

        public boolean isConfigured() {
            return !url.isBlank();
        }
    }

    /** The database health signals; an unknown one blocks only when {@code unknown-blocks} says so. */
    public record Health(Boolean unknownBlocks, List<Signal> signals) {
        public Health {
            if (unknownBlocks == null) unknownBlocks = false;
            signals = signals == null ? defaultSignals() : List.copyOf(signals);
        }
    }

    /**
     * One health signal: a PromQL query ({@code {table}} stands for each group's table, making it per table) and when
     * its value means stop. GitLab's batched background migrations pause on the same three indicators
     * (lib/gitlab/database/health_status/indicators/: autovacuum_active_on_table.rb, write_ahead_log.rb with LIMIT 42,
     * patroni_apdex.rb against its SLO).
     */
    public record Signal(String name, String query, Double stopAbove, Double stopBelow) {
        public Signal {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a health signal needs a name");
            if (query == null || query.isBlank()) throw new IllegalArgumentException("health signal " + name + " needs a query");
            if ((stopAbove == null) == (stopBelow == null))
                throw new IllegalArgumentException("health signal " + name + " needs exactly one of stop-above and stop-below");
        }

        public boolean isPerTable() {
            return query.contains("{table}");
        }
    }

    static List<Signal> defaultSignals() {
        return List.of(
                new Signal("autovacuum", "sum(pg_stat_activity_autovacuum_active{relname=\"{table}\"}) or vector(0)", 0.0, null),
                new Signal("wal archive queue", "max(pg_archiver_pending_wal_count)", 42.0, null),
                new Signal("patroni apdex", "min(gitlab_component_apdex:ratio_5m{component=\"patroni\"})", null, 0.995));
    }
}
