package pdmbot.storage.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import pdmbot.storage.StorageException;

/** Runs on plain JDBC; {@code pdm_runs.active_slot UNIQUE} keeps one run active, {@code side_effects}' key one claim. */
public final class JdbcRunStore implements RunStore {

    private static final String RUN_COLUMNS =
            "id, state, started_by, started_at, finished_at, checks, outcome, owner, heartbeat_at";
    private static final String STEP_COLUMNS = "run_id, step_no, name, state, attempt, started_at, finished_at, outcome";
    private static final int ATTEMPTS = 5;

    /** Thrown inside a transaction to roll it back when another run holds the active slot. */
    private static final class SlotTaken extends RuntimeException {
        SlotTaken() {
            super(null, null, false, false);
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcRunStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The run store of a migrated data source; {@code clock} stamps the rows. */
    public static RunStore on(javax.sql.DataSource dataSource, Clock clock) {
        return new JdbcRunStore(new Jdbc(dataSource), clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public StartOutcome start(String startedBy, String checks, List<String> stepNames, String owner) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = now();
            try {
                long id = jdbc.inTransaction("start a run", c -> {
                    long runId;
                    try {
                        runId = insertRun(c, startedBy, checks, RunState.RUNNING, 1, owner, now, null, null);
                    } catch (SQLException e) {
                        if (Jdbc.isUniqueViolation(e)) throw new SlotTaken();
                        throw e;
                    }
                    for (int i = 0; i < stepNames.size(); i++) {
                        int number = i + 1;
                        String name = stepNames.get(i);
                        Jdbc.update(c, "INSERT INTO run_steps (run_id, step_no, name, state, attempt) VALUES (?, ?, ?, 'pending', 0)", s -> {
                            s.setLong(1, runId);
                            s.setInt(2, number);
                            s.setString(3, name);
                        });
                    }
                    return runId;
                });
                return new StartOutcome.Started(run(id).orElseThrow());
            } catch (SlotTaken taken) {
                Optional<RunRecord> active = active();
                if (active.isPresent()) return new StartOutcome.AlreadyActive(active.get());
            }
        }
        throw new StorageException("unable to start a run: the active run kept changing, try again");
    }

    @Override
    public RunRecord recordStopped(String startedBy, String checks, RunState state, String outcome) {
        if (state.isActive()) throw new IllegalArgumentException("a stopped run is cancelled or refused, not " + state.id());
        Instant now = now();
        long id = jdbc.inTransaction("record a stopped run",
                c -> insertRun(c, startedBy, checks, state, null, null, now, now, outcome));
        return run(id).orElseThrow();
    }

    private static long insertRun(Connection c, String startedBy, String checks, RunState state, Integer slot, String owner,
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

    @Override
    public Optional<RunRecord> run(long id) {
        return jdbc.first("read run " + id, "SELECT " + RUN_COLUMNS + " FROM pdm_runs WHERE id = ?", s -> s.setLong(1, id),
                JdbcRunStore::runRecord);
    }

    @Override
    public Optional<RunRecord> active() {
        return jdbc.first("read the active run", "SELECT " + RUN_COLUMNS + " FROM pdm_runs WHERE active_slot = 1", Jdbc.none(),
                JdbcRunStore::runRecord);
    }

    @Override
    public List<RunRecord> recent(int limit) {
        return jdbc.list("list runs", "SELECT " + RUN_COLUMNS + " FROM pdm_runs ORDER BY id DESC LIMIT ?",
                s -> s.setInt(1, limit), JdbcRunStore::runRecord);
    }

    @Override
    public List<StepRecord> steps(long runId) {
        return jdbc.list("read the steps of run " + runId, "SELECT " + STEP_COLUMNS + " FROM run_steps WHERE run_id = ? ORDER BY step_no",
                s -> s.setLong(1, runId), JdbcRunStore::stepRecord);
    }

    @Override
    public int stepStarted(long runId, int number) {
        Instant now = now();
        return jdbc.inTransaction("start step " + number + " of run " + runId, c -> {
            // A step found running was interrupted (its instance stopped): it goes on in the same attempt.
            int changed = Jdbc.update(c, "UPDATE run_steps SET attempt = CASE WHEN state = 'running' THEN attempt ELSE attempt + 1 END,"
                    + " started_at = CASE WHEN state = 'running' THEN started_at ELSE ? END, state = 'running',"
                    + " finished_at = NULL, outcome = NULL WHERE run_id = ? AND step_no = ?", s -> {
                Jdbc.setInstant(s, 1, now);
                s.setLong(2, runId);
                s.setInt(3, number);
            });
            if (changed == 0) throw new StorageException("run " + runId + " has no step " + number);
            return Jdbc.first(c, "SELECT attempt FROM run_steps WHERE run_id = ? AND step_no = ?", s -> {
                s.setLong(1, runId);
                s.setInt(2, number);
            }, rs -> rs.getInt(1)).orElseThrow();
        });
    }

    @Override
    public void stepSucceeded(long runId, int number, String outcome) {
        finishStep(runId, number, StepState.SUCCEEDED, outcome);
    }

    @Override
    public void stepFailed(long runId, int number, String outcome) {
        Instant now = now();
        jdbc.inTransaction("fail step " + number + " of run " + runId, c -> {
            updateStep(c, runId, number, StepState.FAILED, outcome, now);
            Jdbc.update(c, "UPDATE pdm_runs SET state = 'failed', owner = NULL, outcome = ? WHERE id = ?", s -> {
                s.setString(1, outcome);
                s.setLong(2, runId);
            });
            return null;
        });
    }

    private void finishStep(long runId, int number, StepState state, String outcome) {
        Instant now = now();
        jdbc.inTransaction("finish step " + number + " of run " + runId, c -> {
            updateStep(c, runId, number, state, outcome, now);
            return null;
        });
    }

    private static void updateStep(Connection c, long runId, int number, StepState state, String outcome, Instant now)
            throws SQLException {
        Jdbc.update(c, "UPDATE run_steps SET state = ?, finished_at = ?, outcome = ? WHERE run_id = ? AND step_no = ?", s -> {
            s.setString(1, state.id());
            Jdbc.setInstant(s, 2, now);
            s.setString(3, outcome);
            s.setLong(4, runId);
            s.setInt(5, number);
        });
    }

    @Override
    public void finish(long runId, String outcome) {
        Instant now = now();
        jdbc.update("finish run " + runId, "UPDATE pdm_runs SET state = 'succeeded', active_slot = NULL, finished_at = ?,"
                + " outcome = ?, owner = NULL WHERE id = ?", s -> {
            Jdbc.setInstant(s, 1, now);
            s.setString(2, outcome);
            s.setLong(3, runId);
        });
    }

    @Override
    public boolean takeOver(long runId, String owner, Instant staleBefore) {
        Instant now = now();
        return jdbc.update("take over run " + runId, "UPDATE pdm_runs SET state = 'running', owner = ?, heartbeat_at = ?"
                + " WHERE id = ? AND active_slot = 1 AND (state = 'failed' OR owner IS NULL OR owner = ? OR heartbeat_at IS NULL"
                + " OR heartbeat_at < ?)", s -> {
            s.setString(1, owner);
            Jdbc.setInstant(s, 2, now);
            s.setLong(3, runId);
            s.setString(4, owner);
            Jdbc.setInstant(s, 5, staleBefore);
        }) == 1;
    }

    @Override
    public boolean heartbeat(long runId, String owner) {
        Instant now = now();
        return jdbc.update("heartbeat of run " + runId, "UPDATE pdm_runs SET heartbeat_at = ? WHERE id = ? AND owner = ?"
                + " AND state = 'running'", s -> {
            Jdbc.setInstant(s, 1, now);
            s.setLong(2, runId);
            s.setString(3, owner);
        }) == 1;
    }

    @Override
    public void recordExecuted(long runId, Environment environment, LogicalDatabase database, String version, String name) {
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

    @Override
    public List<ExecutedMigration> executed(long runId) {
        return jdbc.list("read what run " + runId + " executed", "SELECT run_id, environment, db, version, name, executed_at"
                + " FROM run_migrations WHERE run_id = ? ORDER BY executed_at, environment, version, db",
                s -> s.setLong(1, runId), JdbcRunStore::executedMigration);
    }

    @Override
    public Optional<ExecutedMigration> runThatExecuted(Environment environment, LogicalDatabase database, String version) {
        return jdbc.first("find the run that executed " + version, "SELECT run_id, environment, db, version, name, executed_at"
                + " FROM run_migrations WHERE environment = ? AND db = ? AND version = ?", s -> {
            s.setString(1, environment.id());
            s.setString(2, database.id());
            s.setString(3, version);
        }, JdbcRunStore::executedMigration);
    }

    @Override
    public EffectClaim claim(long runId, String key) {
        Instant now = now();
        int inserted = jdbc.update("claim " + key + " of run " + runId, "INSERT INTO side_effects (run_id, effect_key, state,"
                + " claimed_at) VALUES (?, ?, 'claimed', ?) ON CONFLICT DO NOTHING", s -> {
            s.setLong(1, runId);
            s.setString(2, key);
            Jdbc.setInstant(s, 3, now);
        });
        if (inserted == 1) return new EffectClaim.Claimed();
        SideEffect existing = effect(runId, key).orElseThrow(() ->
                new StorageException("the claim of " + key + " of run " + runId + " vanished; try again"));
        return existing.isDone() ? new EffectClaim.AlreadyDone(existing.result()) : new EffectClaim.Unfinished();
    }

    @Override
    public void effectDone(long runId, String key, String result) {
        Instant now = now();
        jdbc.update("mark " + key + " of run " + runId + " done", "UPDATE side_effects SET state = 'done', result = ?,"
                + " done_at = ? WHERE run_id = ? AND effect_key = ?", s -> {
            s.setString(1, result == null ? "" : result);
            Jdbc.setInstant(s, 2, now);
            s.setLong(3, runId);
            s.setString(4, key);
        });
    }

    @Override
    public void releaseClaim(long runId, String key) {
        jdbc.update("release " + key + " of run " + runId, "DELETE FROM side_effects WHERE run_id = ? AND effect_key = ?"
                + " AND state = 'claimed'", s -> {
            s.setLong(1, runId);
            s.setString(2, key);
        });
    }

    @Override
    public List<SideEffect> effects(long runId) {
        return jdbc.list("read the side effects of run " + runId, "SELECT run_id, effect_key, state, result, claimed_at, done_at"
                + " FROM side_effects WHERE run_id = ? ORDER BY claimed_at, effect_key", s -> s.setLong(1, runId),
                JdbcRunStore::sideEffect);
    }

    private Optional<SideEffect> effect(long runId, String key) {
        return jdbc.first("read " + key + " of run " + runId, "SELECT run_id, effect_key, state, result, claimed_at, done_at"
                + " FROM side_effects WHERE run_id = ? AND effect_key = ?", s -> {
            s.setLong(1, runId);
            s.setString(2, key);
        }, JdbcRunStore::sideEffect);
    }

    private static RunRecord runRecord(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getLong("id"), RunState.of(rs.getString("state")), rs.getString("started_by"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"), rs.getString("checks"),
                rs.getString("outcome"), rs.getString("owner"), Jdbc.instant(rs, "heartbeat_at"));
    }

    private static StepRecord stepRecord(ResultSet rs) throws SQLException {
        return new StepRecord(rs.getLong("run_id"), rs.getInt("step_no"), rs.getString("name"),
                StepState.of(rs.getString("state")), rs.getInt("attempt"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"), rs.getString("outcome"));
    }

    private static ExecutedMigration executedMigration(ResultSet rs) throws SQLException {
        String env = rs.getString("environment");
        String db = rs.getString("db");
        return new ExecutedMigration(rs.getLong("run_id"),
                Environment.byId(env).orElseThrow(() -> new SQLException("unknown environment in run_migrations: " + env)),
                LogicalDatabase.byId(db).orElseThrow(() -> new SQLException("unknown database in run_migrations: " + db)),
                rs.getString("version"), rs.getString("name"), Jdbc.instant(rs, "executed_at"));
    }

    private static SideEffect sideEffect(ResultSet rs) throws SQLException {
        return new SideEffect(rs.getLong("run_id"), rs.getString("effect_key"), "done".equals(rs.getString("state")),
                rs.getString("result"), Jdbc.instant(rs, "claimed_at"), Jdbc.instant(rs, "done_at"));
    }
}
