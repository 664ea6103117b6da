package pdmbot.storage.runs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.Jdbc;

/** The {@code run_scopes} and {@code run_scope_migrations} rows of {@link JdbcRunStore} (V65). */
final class JdbcRunScopes {

    private final Jdbc jdbc;

    JdbcRunScopes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the scope inside the transaction that starts the run. */
    static void insert(Connection c, long runId, RunScope scope) throws SQLException {
        Jdbc.update(c, "INSERT INTO run_scopes (run_id, only_words) VALUES (?, ?)", s -> {
            s.setLong(1, runId);
            s.setString(2, scope.only());
        });
        for (RunScope.Entry e : scope.entries())
            Jdbc.update(c, "INSERT INTO run_scope_migrations (run_id, environment, db, version) VALUES (?, ?, ?, ?)", s -> {
                s.setLong(1, runId);
                s.setString(2, e.environment().id());
                s.setString(3, e.database().id());
                s.setString(4, e.version());
            });
    }

    Optional<RunScope> of(long runId) {
        Optional<String> only = jdbc.first("read the scope of run " + runId, "SELECT only_words FROM run_scopes WHERE run_id = ?",
                s -> s.setLong(1, runId), rs -> rs.getString("only_words"));
        if (only.isEmpty()) return Optional.empty();
        List<RunScope.Entry> entries = new ArrayList<>(jdbc.list("read the scope of run " + runId,
                "SELECT environment, db, version FROM run_scope_migrations WHERE run_id = ? ORDER BY environment, version, db",
                s -> s.setLong(1, runId), JdbcRunScopes::entry));
        return Optional.of(new RunScope(only.get(), entries));
    }

    /** What runs of a subset executed on the environment's database (GitLab's deployments cannot say it). */
    List<ExecutedMigration> executedBySubsets(Environment environment, LogicalDatabase database) {
        return jdbc.list("read what subset runs executed on " + environment + " " + database,
                "SELECT m.run_id, m.environment, m.db, m.version, m.name, m.executed_at FROM run_migrations m"
                        + " JOIN run_scopes s ON s.run_id = m.run_id WHERE m.environment = ? AND m.db = ? ORDER BY m.version",
                s -> {
                    s.setString(1, environment.id());
                    s.setString(2, database.id());
                }, JdbcExecutedMigrations::executedMigration);
    }

    private static RunScope.Entry entry(ResultSet rs) throws SQLException {
        String env = rs.getString("environment");
        String db = rs.getString("db");
        return new RunScope.Entry(
                Environment.byId(env).orElseThrow(() -> new SQLException("unknown environment in run_scope_migrations: " + env)),
                LogicalDatabase.byId(db).orElseThrow(() -> new SQLException("unknown database in run_scope_migrations: " + db)),
                rs.getString("version"));
    }
}
