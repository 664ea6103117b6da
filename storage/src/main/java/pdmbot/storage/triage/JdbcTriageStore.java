package pdmbot.storage.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import pdmbot.storage.Jdbc;
import pdmbot.storage.UnableToAccessStoreException;

/** Triages on plain JDBC: primary keys make a triage, a reminder and a mark happen once across instances. */
public final class JdbcTriageStore implements TriageStore {

    private static final String COLUMNS = "run_id, environment, failure, dialogue_id, started_by, created_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcTriageStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Claim claim(TriageRecord t) {
        try {
            jdbc.update("start a triage", "INSERT INTO triages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", s -> {
                s.setLong(1, t.runId());
                s.setString(2, t.environment());
                s.setString(3, t.failure());
                s.setString(4, t.dialogueId());
                s.setString(5, t.startedBy());
                Jdbc.setInstant(s, 6, t.createdAt() == null ? clock.instant() : t.createdAt());
            });
        } catch (UnableToAccessStoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !Jdbc.isUniqueViolation(sql)) throw e;
            return new Existing(jdbc.first("read a triage", "SELECT " + COLUMNS
                    + " FROM triages WHERE run_id = ? AND environment = ? AND failure = ?", s -> {
                        s.setLong(1, t.runId());
                        s.setString(2, t.environment());
                        s.setString(3, t.failure());
                    }, JdbcTriageStore::triage).orElseThrow(() -> e));
        }
        return new Claimed(byDialogue(t.dialogueId()).orElseThrow());
    }

    @Override
    public Optional<TriageRecord> byDialogue(String dialogueId) {
        return jdbc.first("read a triage", "SELECT " + COLUMNS + " FROM triages WHERE dialogue_id = ?",
                s -> s.setString(1, dialogueId), JdbcTriageStore::triage);
    }

    @Override
    public List<TriageRecord> ofRun(long runId) {
        return jdbc.list("read a run's triages", "SELECT " + COLUMNS + " FROM triages WHERE run_id = ? ORDER BY created_at, failure",
                s -> s.setLong(1, runId), JdbcTriageStore::triage);
    }

    @Override
    public Optional<TriageRecord> newestFor(String failure) {
        return jdbc.first("read a migration's triages", "SELECT " + COLUMNS
                + " FROM triages WHERE failure = ? ORDER BY run_id DESC, created_at DESC", s -> s.setString(1, failure),
                JdbcTriageStore::triage);
    }

    @Override
    public boolean claimReminder(String dialogueId, java.time.Instant dueAt, String instance) {
        try {
            return jdbc.update("claim a triage reminder", "INSERT INTO triage_reminders (dialogue_id, due_at, instance, claimed_at)"
                    + " VALUES (?, ?, ?, ?)", s -> {
                        s.setString(1, dialogueId);
                        Jdbc.setInstant(s, 2, dueAt);
                        s.setString(3, instance);
                        Jdbc.setInstant(s, 4, clock.instant());
                    }) == 1;
        } catch (UnableToAccessStoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) return false;
            throw e;
        }
    }

    @Override
    public boolean recordMark(MigrationMark m) {
        try {
            return jdbc.update("record a migration mark", "INSERT INTO migration_marks (environment, database_name, version,"
                    + " marked_by, marked_at, outcome) VALUES (?, ?, ?, ?, ?, ?)", s -> {
                        s.setString(1, m.environment());
                        s.setString(2, m.database());
                        s.setString(3, m.version());
                        s.setString(4, m.markedBy());
                        Jdbc.setInstant(s, 5, m.markedAt());
                        s.setString(6, m.outcome().length() > 400 ? m.outcome().substring(0, 400) : m.outcome());
                    }) == 1;
        } catch (UnableToAccessStoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) return false;
            throw e;
        }
    }

    @Override
    public List<MigrationMark> marks() {
        return jdbc.list("read migration marks", "SELECT environment, database_name, version, marked_by, marked_at, outcome"
                + " FROM migration_marks ORDER BY marked_at", Jdbc.none(), rs -> new MigrationMark(rs.getString("environment"),
                rs.getString("database_name"), rs.getString("version"), rs.getString("marked_by"), Jdbc.instant(rs, "marked_at"),
                rs.getString("outcome")));
    }

    private static TriageRecord triage(ResultSet rs) throws SQLException {
        return new TriageRecord(rs.getLong("run_id"), rs.getString("environment"), rs.getString("failure"),
                rs.getString("dialogue_id"), rs.getString("started_by"), Jdbc.instant(rs, "created_at"));
    }
}
