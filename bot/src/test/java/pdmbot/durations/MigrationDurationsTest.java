package pdmbot.durations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pdmbot.durations.Prediction;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.run.ExpectedRun;
import pdmbot.run.MigrationTimes;
import pdmbot.storage.Database;
import pdmbot.storage.durations.DurationStore;
import pdmbot.storage.testing.TestDatabases;
import pdmbot.world.MigrationLog;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PendingMigration;

class MigrationDurationsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final Database database = TestDatabases.h2(CLOCK);
    private final DurationStore store = database.stores().durations();

    /** Every migration here is a ddl_cleanup, except the ones named for another nature. */
    private final Map<String, MigrationProfile> profiles = new java.util.HashMap<>();
    private final MigrationDurations durations = new MigrationDurations(store,
            (env, m) -> profiles.getOrDefault(m.version(), new MigrationProfile("ddl_cleanup", TableSize.ORDINARY)),
            DefaultDurations.withMinutes(Map.of("large_index_or_fk", 90)), CLOCK);

    @AfterEach
    void close() {
        database.close();
    }

    private static PostMigration migration(String version, String name) {
        return new PostMigration(version, name, PostMigration.DIRECTORY + version + "_" + name + ".rb");
    }

    private static List<MigrationTiming> trace(String fixture) throws IOException {
        try (InputStream in = MigrationDurationsTest.class.getResourceAsStream("/gitlab/" + fixture)) {
            return MigrationLog.timingsOf(in);
        }
    }

    private static MigrationTiming took(LogicalDatabase db, String version, long seconds) {
        return new MigrationTiming(java.util.Optional.of(db), version, "RemoveFoo" + version,
                java.util.Optional.of(Duration.ofSeconds(seconds)));
    }

    @Test
    void without_history_a_migration_is_expected_to_take_its_natures_configured_default() {
        Prediction p = durations.predict(new PendingMigration(Environment.GPRD, LogicalDatabase.MAIN,
                migration("20231201000000", "add_index_foo")), "large_index_or_fk");

        assertThat(p.expected()).isEqualTo(Duration.ofMinutes(90));
        assertThat(p.samples()).isZero();
        assertThat(p.basis()).isEqualTo("default for large_index_or_fk, nothing similar ran on gprd");
    }

    @Test
    void a_trace_read_is_learnt_per_database_and_predicts_the_median_of_similar_migrations() throws IOException {
        durations.learn(Environment.GPRD, List.of(), trace("job-trace-post-deploy-migrations-main-and-ci.log"), "job 1");
        durations.learn(Environment.GPRD, List.of(), List.of(took(LogicalDatabase.MAIN, "20231108000000", 60),
                took(LogicalDatabase.MAIN, "20231109000000", 600)), "job 2");

        Prediction onMain = durations.predict(new PendingMigration(Environment.GPRD, LogicalDatabase.MAIN,
                migration("20231201000000", "remove_bar")), "ddl_cleanup");

        // main, ddl_cleanup: 0.0592 s, 812.4 s, 60 s, 600 s → median (60 + 600) / 2
        assertThat(onMain.expected()).isEqualTo(Duration.ofSeconds(330));
        assertThat(onMain.samples()).isEqualTo(4);
        assertThat(onMain.basis()).isEqualTo("median of 4 ddl_cleanup on gprd main");
    }

    @Test
    void the_failed_migration_of_a_trace_is_kept_but_never_counts_as_a_sample() throws IOException {
        durations.learn(Environment.GPRD, List.of(), trace("job-trace-post-deploy-migration-failed-on-ci.log"), "job 3");

        assertThat(store.of(Environment.GPRD, LogicalDatabase.CI, "20231101120000"))
                .hasValueSatisfying(d -> assertThat(d.hasFailed()).isTrue());
        Prediction p = durations.predict(new PendingMigration(Environment.GPRD, LogicalDatabase.CI,
                migration("20231201000000", "remove_bar")), "ddl_cleanup");
        assertThat(p.samples()).isEqualTo(1);
        assertThat(p.basis()).isEqualTo("median of 1 ddl_cleanup on gprd");
        assertThat(p.expected()).isEqualTo(Duration.ofMillis(41_007));
    }

    @Test
    void a_large_table_is_predicted_from_large_tables_first() {
        profiles.put("20231108000000", new MigrationProfile("ddl_cleanup", TableSize.LARGE));
        profiles.put("20231201000000", new MigrationProfile("ddl_cleanup", TableSize.LARGE));
        durations.learn(Environment.GPRD, List.of(), List.of(took(LogicalDatabase.MAIN, "20231108000000", 3600),
                took(LogicalDatabase.MAIN, "20231109000000", 5)), "job 4");

        Prediction p = durations.predict(Environment.GPRD, LogicalDatabase.MAIN, migration("20231201000000", "remove_bar"));

        assertThat(p.expected()).isEqualTo(Duration.ofHours(1));
        assertThat(p.basis()).isEqualTo("median of 1 ddl_cleanup on large tables on gprd main");
    }

    @Test
    void staging_durations_never_predict_production() {
        durations.learn(Environment.GSTG, List.of(), List.of(took(LogicalDatabase.MAIN, "20231108000000", 7)), "job 5");

        assertThat(durations.predict(new PendingMigration(Environment.GPRD, LogicalDatabase.MAIN,
                migration("20231201000000", "remove_bar")), "ddl_cleanup").samples()).isZero();
    }

    @Test
    void a_timing_without_database_prefix_goes_to_the_one_database_it_was_planned_on() throws IOException {
        PostMigration index = migration("20231101120000", "add_index_on_ci_builds");
        durations.learn(Environment.GPRD, List.of(new PendingMigration(Environment.GPRD, LogicalDatabase.CI, index)),
                trace("job-trace-post-deploy-migration-failed.log"), "job 6");

        assertThat(store.of(Environment.GPRD, LogicalDatabase.CI, "20231101120000"))
                .hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("add_index_on_ci_builds"));
    }

    @Test
    void predictions_are_said_in_minutes_rounded_up() {
        assertThat(ExpectedRun.about(Duration.ofSeconds(59))).isEqualTo("under a minute");
        assertThat(ExpectedRun.about(Duration.ofSeconds(13 * 60 + 1))).isEqualTo("about 14 min");
        assertThat(ExpectedRun.about(Duration.ofMinutes(125))).isEqualTo("about 2 h 05 min");
        assertThat(ExpectedRun.line(ExpectedRun.total(List.of(
                new MigrationTimes.Estimate(Duration.ofMinutes(10), 3, "x"), new MigrationTimes.Estimate(Duration.ofMinutes(4), 0, "y")))))
                .isEqualTo("expected about 14 min (1 of 2 from past runs)");
    }
}
