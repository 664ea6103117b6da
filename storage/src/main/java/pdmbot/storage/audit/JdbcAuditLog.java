package pdmbot.storage.audit;

import java.util.List;
import pdmbot.storage.Jdbc;

/** The audit log on plain JDBC. */
public final class JdbcAuditLog implements AuditLog {

    private static final String COLUMNS =
            "at, platform, channel, user_id, user_name, event_id, command, outcome, detail, correlation_id, duration_ms";

    private final Jdbc jdbc;

    public JdbcAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry e) {
        jdbc.update("write the audit log", "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
            Jdbc.setInstant(s, 1, e.at());
            s.setString(2, e.platform());
            s.setString(3, e.channel());
            s.setString(4, e.userId());
            s.setString(5, e.userName());
            s.setString(6, e.eventId());
            s.setString(7, e.command());
            s.setString(8, e.outcome());
            s.setString(9, e.detail());
            s.setString(10, e.correlationId());
            s.setLong(11, e.durationMs());
        });
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        if (limit <= 0) return List.of();
        return jdbc.list("read the audit log", "SELECT " + COLUMNS + " FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
                s -> s.setInt(1, limit),
                rs -> new AuditEntry(Jdbc.instant(rs, "at"), rs.getString("platform"), rs.getString("channel"),
                        rs.getString("user_id"), rs.getString("user_name"), rs.getString("event_id"), rs.getString("command"),
                        rs.getString("outcome"), rs.getString("detail"), rs.getString("correlation_id"),
                        rs.getLong("duration_ms")));
    }

    @Override
    public long count() {
        return jdbc.first("count the audit log", "SELECT COUNT(*) FROM audit_log", Jdbc.none(), rs -> rs.getLong(1)).orElse(0L);
    }
}
