package pdmbot.storage.dialogues;

import pdmbot.domain.interaction.DialogueStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** Dialogues on plain JDBC: a unique index keeps one open per subject; a version-conditional UPDATE picks one answer. */
public final class JdbcDialogueStore implements DialogueStore {

    private static final String COLUMNS = "id, kind, subject, platform, channel, owner, step, state, version, created_at, "
            + "updated_at, expires_at, open_slot";
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcDialogueStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Start start(Dialogue d) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO dialogues (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 1)")) {
            s.setString(1, d.id());
            s.setString(2, d.kind());
            s.setString(3, d.subject());
            s.setString(4, d.platform());
            s.setString(5, d.channel());
            s.setString(6, d.owner());
            s.setString(7, d.step());
            s.setString(8, d.state());
            s.setObject(9, now.atOffset(ZoneOffset.UTC));
            s.setObject(10, now.atOffset(ZoneOffset.UTC));
            s.setObject(11, d.expiresAt().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) throw new UnableToKeepDialogueException("start the " + d.kind() + " dialogue on " + d.subject(), e);
            Optional<Dialogue> open = openOn(d.kind(), d.subject());
            if (open.isPresent()) return new AlreadyOpen(open.get());
            throw new UnableToKeepDialogueException("start the " + d.kind() + " dialogue on " + d.subject(), e);
        }
        return new Started(find(d.id()).orElseThrow());
    }

    @Override
    public Optional<Dialogue> find(String id) {
        return one("SELECT " + COLUMNS + " FROM dialogues WHERE id = ?", id);
    }

    @Override
    public Optional<Dialogue> openOn(String kind, String subject) {
        return one("SELECT " + COLUMNS + " FROM dialogues WHERE kind = ? AND subject = ? AND open_slot = 1", kind, subject);
    }

    @Override
    public Advance advance(String id, int expectedVersion, String step, String state, Instant expiresAt) {
        return update(id, expectedVersion, "step = ?, state = ?, expires_at = ?", false, step, state, expiresAt);
    }

    @Override
    public Advance close(String id, int expectedVersion, String step) {
        return update(id, expectedVersion, "step = ?", true, step);
    }

    @Override
    public Optional<String> liveMessage(String liveKey, String platform) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT message_id FROM dialogue_live_messages WHERE live_key = ? AND platform = ?")) {
            s.setString(1, liveKey);
            s.setString(2, platform);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToKeepDialogueException("read the live message " + liveKey + " on " + platform, e);
        }
    }

    @Override
    public void keepLiveMessage(String liveKey, String platform, String channel, String messageId) {
        try {
            if (replaceLiveMessage(liveKey, platform, channel, messageId)) return;
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO dialogue_live_messages (live_key, platform, channel, message_id, posted_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, liveKey);
                s.setString(2, platform);
                s.setString(3, channel);
                s.setString(4, messageId);
                s.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
                if (!c.getAutoCommit()) c.commit();
            }
        } catch (SQLException e) {
            // another instance inserted it between the two statements: the later post replaces it, as above
            if (!isUniqueViolation(e)) throw new UnableToKeepDialogueException("keep the live message " + liveKey + " on " + platform, e);
            try {
                replaceLiveMessage(liveKey, platform, channel, messageId);
            } catch (SQLException again) {
                throw new UnableToKeepDialogueException("keep the live message " + liveKey + " on " + platform, again);
            }
        }
    }

    private boolean replaceLiveMessage(String liveKey, String platform, String channel, String messageId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE dialogue_live_messages SET channel = ?, message_id = ?, posted_at = ? WHERE live_key = ? AND platform = ?")) {
            s.setString(1, channel);
            s.setString(2, messageId);
            s.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            s.setString(4, liveKey);
            s.setString(5, platform);
            int changed = s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
            return changed == 1;
        }
    }

    private Advance update(String id, int expectedVersion, String set, boolean closing, Object... values) {
        Optional<Dialogue> before = find(id);
        if (before.isEmpty()) return new Missing(id);
        if (!before.get().isOpen()) return new Closed(before.get());
        String sql = "UPDATE dialogues SET " + set + ", version = version + 1, updated_at = ?"
                + (closing ? ", open_slot = NULL" : "") + " WHERE id = ? AND version = ? AND open_slot = 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : values) s.setObject(i++, v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : v);
            s.setObject(i++, clock.instant().atOffset(ZoneOffset.UTC));
            s.setString(i++, id);
            s.setInt(i, expectedVersion);
            int won = s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
            Dialogue after = find(id).orElseThrow();
            if (won == 1) return new Advanced(after);
            return after.isOpen() ? new Stale(after) : new Closed(after);
        } catch (SQLException e) {
            throw new UnableToKeepDialogueException("advance the dialogue " + id, e);
        }
    }

    private Optional<Dialogue> one(String sql, String... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setString(i + 1, args[i]);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Dialogue(rs.getString("id"), rs.getString("kind"), rs.getString("subject"),
                        rs.getString("platform"), rs.getString("channel"), rs.getString("owner"), rs.getString("step"),
                        rs.getString("state"), rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"),
                        instant(rs, "expires_at"), rs.getObject("open_slot") != null));
            }
        } catch (SQLException e) {
            throw new UnableToKeepDialogueException("read dialogues", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException())
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) return true;
        return false;
    }
}
