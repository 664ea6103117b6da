package pdmbot.storage.runs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** The {@code run_attempts} rows of {@link JdbcRunStore}: each attempt numbered once per run by the primary key. */
final class JdbcRunAttempts {

    private static final String COLUMNS = "run_id, attempt, started_by, started_at, from_step, checks, state, outcome, finished_at";
    private static final int TRIES = 5;

    private final Jdbc jdbc;

    JdbcRunAttempts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the next attempt of the run; two instances adding one at the same time get different numbers. */
    int add(long runId, String startedBy, String fromStep, String checks, AttemptState state, String outcome, Instant now) {
        for (int tries = 0; tries < TRIES; tries++) {
            try {
                return jdbc.inTransaction("record an attempt of run " + runId, c -> {
                    if (state == AttemptState.RUNNING)
                        Jdbc.update(c, "UPDATE run_attempts SET state = 'interrupted', finished_at = ? WHERE run_id = ?"
                                + " AND state = 'running'", s -> {
                            Jdbc.setInstant(s, 1, now);
                            s.setLong(2, runId);
                        });
                    int number = Jdbc.first(c, "SELECT COALESCE(MAX(attempt), 0) + 1 FROM run_attempts WHERE run_id = ?",
                            s -> s.setLong(1, runId), rs -> rs.getInt(1)).orElse(1);
                    insert(c, runId, number, startedBy, fromStep, checks, state, outcome, now);
                    return number;
                });
            } catch (StorageException e) {
                if (!(e.getCause() instanceof SQLException sql) || !Jdbc.isUniqueViolation(sql)) throw e;
            }
        }
        throw new StorageException("unable to record an attempt of run " + runId + ": attempts kept being added, try again");
    }

    static void insert(Connection c, long runId, int number, String startedBy, String fromStep, String checks,
                       AttemptState state, String outcome, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO run_attempts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setLong(1, runId);
            s.setInt(2, number);
            s.setString(3, startedBy);
            Jdbc.setInstant(s, 4, now);
            s.setString(5, fromStep);
            s.setString(6, checks == null ? "" : checks);
            s.setString(7, state.id());
            s.setString(8, outcome);
            Jdbc.setInstant(s, 9, state == AttemptState.RUNNING ? null : now);
        });
    }

    /** Ends the run's running attempt, if it has one (runs stored before attempts were kept have none). */
    static void endRunning(Connection c, long runId, AttemptState state, String outcome, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE run_attempts SET state = ?, outcome = ?, finished_at = ? WHERE run_id = ? AND state = 'running'", s -> {
            s.setString(1, state.id());
            s.setString(2, outcome);
            Jdbc.setInstant(s, 3, now);
            s.setLong(4, runId);
        });
    }

    void checked(long runId, int attempt, String checks) {
        jdbc.update("record the checks of attempt " + attempt + " of run " + runId,
                "UPDATE run_attempts SET checks = ? WHERE run_id = ? AND attempt = ?", s -> {
                    s.setString(1, checks);
                    s.setLong(2, runId);
                    s.setInt(3, attempt);
                });
    }

    List<RunAttempt> of(long runId) {
        return jdbc.list("read the attempts of run " + runId, "SELECT " + COLUMNS + " FROM run_attempts WHERE run_id = ?"
                + " ORDER BY attempt", s -> s.setLong(1, runId), JdbcRunAttempts::attempt);
    }

    private static RunAttempt attempt(ResultSet rs) throws SQLException {
        return new RunAttempt(rs.getLong("run_id"), rs.getInt("attempt"), rs.getString("started_by"),
                Jdbc.instant(rs, "started_at"), rs.getString("from_step"), rs.getString("checks"),
                AttemptState.of(rs.getString("state")), rs.getString("outcome"), Jdbc.instant(rs, "finished_at"));
    }
}
