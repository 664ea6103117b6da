package pdmbot.storage.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import pdmbot.storage.Database;
import pdmbot.storage.StorageSettings;

/**
 * A run stored before steps carried their kind (schema V4, the steps by name only) reads back, once V5 has run,
 * with the kind and target of each step, so the bot resumes it by its steps' ids and not by their positions.
 */
class RunStepsStoredBeforeV5Test {

    @Test
    void a_run_stored_under_v4_gets_the_kind_and_target_of_each_of_its_steps() throws Exception {
        StorageSettings settings = StorageSettings.inMemoryH2("before_v5_" + System.nanoTime());
        try (Connection keepAlive = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration").target("4").load().migrate();
            try (Statement s = keepAlive.createStatement()) {
                s.executeUpdate("INSERT INTO pdm_runs (id, state, active_slot, started_by, started_at, checks, outcome)"
                        + " VALUES (1, 'failed', 1, 'alice', CURRENT_TIMESTAMP, 'pass', 'QA failed')");
                String[] names = {"lock", "announce start", "gstg", "qa gstg", "gprd", "unlock", "release note", "announce end"};
                for (int i = 0; i < names.length; i++)
                    s.executeUpdate("INSERT INTO run_steps (run_id, step_no, name, state, attempt) VALUES (1, " + (i + 1) + ", '"
                            + names[i] + "', '" + (i < 3 ? "succeeded" : i == 3 ? "failed" : "pending") + "', " + (i <= 3 ? 1 : 0) + ")");
            }
            try (Database upgraded = Database.open(settings)) {
                RunStore runs = JdbcRunStore.on(upgraded.dataSource(), Clock.systemUTC());

                assertThat(runs.steps(1)).extracting(StepRecord::name, StepRecord::kind, StepRecord::target).containsExactly(
                        tuple("lock", "lock", ""), tuple("announce start", "announce_start", ""), tuple("gstg", "migrations", "gstg"),
                        tuple("qa gstg", "qa", "gstg"), tuple("gprd", "migrations", "gprd"), tuple("unlock", "unlock", ""),
                        tuple("release note", "release_note", ""), tuple("announce end", "announce_end", ""));
                assertThat(runs.attempts(1)).as("no attempts were kept then").isEmpty();
                assertThat(runs.active()).map(RunRecord::state).contains(RunState.FAILED);
            }
        }
    }
}
