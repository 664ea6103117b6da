package pdmbot.storage.durations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.Database;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.StoreContract;

/** What every DurationStore does, on H2 and on PostgreSQL. */
abstract class DurationStoreContract extends StoreContract {

    private DurationStore durations() {
        return stores().durations();
    }

    @BeforeEach
    void noDurations() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM migration_durations");
        }
    }

    private static MigrationDuration took(Environment env, LogicalDatabase db, String version, Duration took) {
        return new MigrationDuration(env, db, version, "RemoveIndexFoo", "ddl_cleanup", "ordinary", Optional.of(took),
                "job 4711", START);
    }

    private static MigrationDuration failed(Environment env, LogicalDatabase db, String version) {
        return new MigrationDuration(env, db, version, "RemoveIndexFoo", "ddl_cleanup", "ordinary", Optional.empty(),
                "job 4712", START);
    }

    @Test
    void a_learnt_duration_is_kept_per_environment_database_and_version() {
        durations().learn(took(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611", Duration.ofMillis(812_401)));
        durations().learn(took(Environment.GPRD, LogicalDatabase.CI, "20231107025611", Duration.ofMillis(10)));
        durations().learn(took(Environment.GSTG, LogicalDatabase.MAIN, "20231107025611", Duration.ofMillis(3_000)));

        assertThat(durations().of(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611"))
                .hasValueSatisfying(d -> assertThat(d.took()).contains(Duration.ofMillis(812_401)));
        assertThat(durations().learntOn(Environment.GPRD)).extracting(MigrationDuration::database)
                .containsExactly(LogicalDatabase.CI, LogicalDatabase.MAIN);
    }

    @Test
    void reading_the_same_trace_twice_keeps_one_row() {
        durations().learn(took(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611", Duration.ofSeconds(5)));
        durations().learn(took(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611", Duration.ofSeconds(5)));

        assertThat(durations().learntOn(Environment.GPRD)).hasSize(1);
    }

    @Test
    void a_success_replaces_a_failure_and_a_failure_never_replaces_a_success() {
        durations().learn(failed(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611"));
        assertThat(durations().of(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611"))
                .hasValueSatisfying(d -> assertThat(d.hasFailed()).isTrue());

        durations().learn(took(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611", Duration.ofSeconds(7)));
        durations().learn(failed(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611"));

        assertThat(durations().of(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611"))
                .hasValueSatisfying(d -> assertThat(d.took()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void two_instances_learning_the_same_trace_at_once_keep_one_row() throws Exception {
        try (Database other = anotherInstance()) {
            DurationStore theirs = other.stores().durations();
            MigrationDuration d = took(Environment.GPRD, LogicalDatabase.MAIN, "20231107025611", Duration.ofSeconds(9));

            List<Object> done = Race.run(() -> {
                durations().learn(d);
                return "a";
            }, () -> {
                theirs.learn(d);
                return "b";
            });

            assertThat(done).hasSize(2);
            assertThat(durations().learntOn(Environment.GPRD)).hasSize(1);
        }
    }
}
