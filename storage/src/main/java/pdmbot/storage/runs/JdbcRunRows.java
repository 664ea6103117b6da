package pdmbot.storage.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import pdmbot.storage.Jdbc;

/** How {@link JdbcRunStore} writes a run row and reads run and step rows. */
final class JdbcRunRows {

    static final String RUN_COLUMNS = "id, state, started_by, started_at, finished_at, checks, outcome, owner, heartbeat_at";
    static final String STEP_COLUMNS = "run_id, step_no, name, kind, target, state, attempt, started_at, finished_at, outcome";

    private JdbcRunRows() {
    }

    static long insertRun(Connection c, String startedBy, String checks, RunState state, Integer slot, String owner,
                                  Instant startedAt, Instant finishedAt, String outcome) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pdm_runs (state, active_slot, started_by, started_at,"
                + " finished_at, checks, outcome, owner, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            s.setString(1, state.id());
            if (slot == null) s.setNull(2, java.sql.Types.INTEGER);
            else s.setInt(2, slot);
            s.setString(3, startedBy);
            Jdbc.setInstant(s, 4, startedAt);
            Jdbc.setInstant(s, 5, finishedAt);
            s.setString(6, checks);
            s.setString(7, outcome);
            s.setString(8, owner);
            Jdbc.setInstant(s, 9, owner == null ? null : startedAt);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no id generated for the new run");
                return keys.getLong(1);
            }
        }
    }

    static RunRecord runRecord(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getLong("id"), RunState.of(rs.getString("state")), rs.getString("started_by"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"), rs.getString("checks"),
                rs.getString("outcome"), rs.getString("owner"), Jdbc.instant(rs, "heartbeat_at"));
    }

    static StepRecord stepRecord(ResultSet rs) throws SQLException {
        return new StepRecord(rs.getLong("run_id"), rs.getInt("step_no"), rs.getString("name"), rs.getString("kind"),
                rs.getString("target"), StepState.of(rs.getString("state")), rs.getInt("attempt"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"), rs.getString("outcome"));
    }
}
