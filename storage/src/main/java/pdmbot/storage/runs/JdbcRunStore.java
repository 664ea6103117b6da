package pdmbot.storage.runs;

import java.sql.Connection;
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

    private static final String RUN_COLUMNS = JdbcRunRows.RUN_COLUMNS;
    private static final String STEP_COLUMNS = JdbcRunRows.STEP_COLUMNS;
    private static final int ATTEMPTS = 5;

    /** Thrown inside a transaction to roll it back when another run holds the active slot. */
    private static final class SlotTaken extends RuntimeException {
        SlotTaken() {
            super(null, null, false, false);
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final JdbcRunAttempts attempts;
    private final JdbcExecutedMigrations executed;
    private final JdbcSideEffects effects;
    private final JdbcRunScopes scopes;

    public JdbcRunStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.attempts = new JdbcRunAttempts(jdbc);
        this.executed = new JdbcExecutedMigrations(jdbc, clock);
        this.effects = new JdbcSideEffects(jdbc, clock);
        this.scopes = new JdbcRunScopes(jdbc);
    }

    /** The run store of a migrated data source; {@code clock} stamps the rows. */
    public static RunStore on(javax.sql.DataSource dataSource, Clock clock) {
        return new JdbcRunStore(new Jdbc(dataSource), clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public StartOutcome start(String startedBy, String checks, List<StepSpec> steps, String owner, Optional<RunScope> scope) {
        if (steps.isEmpty()) throw new IllegalArgumentException("a run needs at least one step");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = now();
            try {
                long id = jdbc.inTransaction("start a run", c -> {
                    long runId;
                    try {
                        runId = JdbcRunRows.insertRun(c, startedBy, checks, RunState.RUNNING, 1, owner, now, null, null);
                    } catch (SQLException e) {
                        if (Jdbc.isUniqueViolation(e)) throw new SlotTaken();
                        throw e;
                    }
                    for (int i = 0; i < steps.size(); i++) {
                        int number = i + 1;
                        StepSpec step = steps.get(i);
                        Jdbc.update(c, "INSERT INTO run_steps (run_id, step_no, name, kind, target, state, attempt)"
                                + " VALUES (?, ?, ?, ?, ?, 'pending', 0)", s -> {
                            s.setLong(1, runId);
                            s.setInt(2, number);
                            s.setString(3, step.id());
                            s.setString(4, step.kind());
                            s.setString(5, step.target());
                        });
                    }
                    JdbcRunAttempts.insert(c, runId, 1, startedBy, steps.get(0).id(), checks, AttemptState.RUNNING, null, now);
                    if (scope.isPresent()) JdbcRunScopes.insert(c, runId, scope.get());
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
                c -> JdbcRunRows.insertRun(c, startedBy, checks, state, null, null, now, now, outcome));
        return run(id).orElseThrow();
    }

    @Override
    public Optional<RunRecord> run(long id) {
        return jdbc.first("read run " + id, "SELECT " + RUN_COLUMNS + " FROM pdm_runs WHERE id = ?", s -> s.setLong(1, id),
                JdbcRunRows::runRecord);
    }

    @Override
    public Optional<RunRecord> active() {
        return jdbc.first("read the active run", "SELECT " + RUN_COLUMNS + " FROM pdm_runs WHERE active_slot = 1", Jdbc.none(),
                JdbcRunRows::runRecord);
    }

    @Override
    public List<RunRecord> recent(int limit) {
        return jdbc.list("list runs", "SELECT " + RUN_COLUMNS + " FROM pdm_runs ORDER BY id DESC LIMIT ?",
                s -> s.setInt(1, limit), JdbcRunRows::runRecord);
    }

    @Override
    public List<StepRecord> steps(long runId) {
        return jdbc.list("read the steps of run " + runId, "SELECT " + STEP_COLUMNS + " FROM run_steps WHERE run_id = ? ORDER BY step_no",
                s -> s.setLong(1, runId), JdbcRunRows::stepRecord);
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
            JdbcRunAttempts.endRunning(c, runId, AttemptState.FAILED, outcome, now);
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
        jdbc.inTransaction("finish run " + runId, c -> {
            Jdbc.update(c, "UPDATE pdm_runs SET state = 'succeeded', active_slot = NULL, finished_at = ?,"
                    + " outcome = ?, owner = NULL WHERE id = ?", s -> {
                Jdbc.setInstant(s, 1, now);
                s.setString(2, outcome);
                s.setLong(3, runId);
            });
            JdbcRunAttempts.endRunning(c, runId, AttemptState.SUCCEEDED, outcome, now);
            return null;
        });
    }

    @Override
    public int beginAttempt(long runId, String startedBy, String fromStep, String checks) {
        return attempts.add(runId, startedBy, fromStep, checks, AttemptState.RUNNING, null, now());
    }

    @Override
    public int recordStoppedAttempt(long runId, String startedBy, String fromStep, String checks, AttemptState state,
                                    String outcome) {
        if (state != AttemptState.REFUSED && state != AttemptState.CANCELLED)
            throw new IllegalArgumentException("a stopped attempt is refused or cancelled, not " + state.id());
        return attempts.add(runId, startedBy, fromStep, checks, state, outcome, now());
    }

    @Override
    public void attemptChecked(long runId, int attempt, String checks) {
        attempts.checked(runId, attempt, checks);
    }

    @Override
    public List<RunAttempt> attempts(long runId) {
        return attempts.of(runId);
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
    public boolean release(long runId, String owner) {
        return jdbc.update("hand over run " + runId, "UPDATE pdm_runs SET owner = NULL WHERE id = ? AND owner = ?"
                + " AND state = 'running'", s -> {
            s.setLong(1, runId);
            s.setString(2, owner);
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
        executed.record(runId, environment, database, version, name);
    }

    @Override
    public List<ExecutedMigration> executed(long runId) {
        return executed.of(runId);
    }

    @Override
    public Optional<RunScope> scope(long runId) {
        return scopes.of(runId);
    }

    @Override
    public List<ExecutedMigration> executedBySubsets(Environment environment, LogicalDatabase database) {
        return scopes.executedBySubsets(environment, database);
    }

    @Override
    public Optional<ExecutedMigration> runThatExecuted(Environment environment, LogicalDatabase database, String version) {
        return executed.runThatExecuted(environment, database, version);
    }

    @Override
    public EffectClaim claim(long runId, String key) {
        return effects.claim(runId, key);
    }

    @Override
    public void effectDone(long runId, String key, String result) {
        effects.effectDone(runId, key, result);
    }

    @Override
    public void releaseClaim(long runId, String key) {
        effects.releaseClaim(runId, key);
    }

    @Override
    public List<SideEffect> effects(long runId) {
        return effects.effects(runId);
    }
}
