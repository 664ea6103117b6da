package pdmbot.storage.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.Jdbc;

/** The {@code run_migrations} rows of {@link JdbcRunStore}: a version is recorded once per environment and database. */
final class JdbcExecutedMigrations {

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcExecutedMigrations(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    void record(long runId, Environment environment, LogicalDatabase database, String version, String name) {
        Instant now = now();
        jdbc.update("record " + version + " executed on " + environment + " " + database,
                "INSERT INTO run_migrations (run_id, environment, db, version, name, executed_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", s -> {
                    s.setLong(1, runId);
                    s.setString(2, environment.id());
                    s.setString(3, database.id());
                    s.setString(4, version);
                    s.setString(5, name);
                    Jdbc.setInstant(s, 6, now);
                });
    }

    List<ExecutedMigration> of(long runId) {
        return jdbc.list("read what run " + runId + " executed", "SELECT run_id, environment, db, version, name, executed_at"
                + " FROM run_migrations WHERE run_id = ? ORDER BY executed_at, environment, version, db",
                s -> s.setLong(1, runId), JdbcExecutedMigrations::executedMigration);
    }

    Optional<ExecutedMigration> runThatExecuted(Environment environment, LogicalDatabase database, String version) {
        return jdbc.first("find the run that executed " + version, "SELECT run_id, environment, db, version, name, executed_at"
                + " FROM run_migrations WHERE environment = ? AND db = ? AND version = ?", s -> {
            s.setString(1, environment.id());
            s.setString(2, database.id());
            s.setString(3, version);
        }, JdbcExecutedMigrations::executedMigration);
    }

    static ExecutedMigration executedMigration(ResultSet rs) throws SQLException {
        String env = rs.getString("environment");
        String db = rs.getString("db");
        return new ExecutedMigration(rs.getLong("run_id"),
                Environment.byId(env).orElseThrow(() -> new SQLException("unknown environment in run_migrations: " + env)),
                LogicalDatabase.byId(db).orElseThrow(() -> new SQLException("unknown database in run_migrations: " + db)),
                rs.getString("version"), rs.getString("name"), Jdbc.instant(rs, "executed_at"));
    }

}
