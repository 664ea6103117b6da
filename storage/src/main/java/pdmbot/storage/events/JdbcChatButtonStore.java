package pdmbot.storage.events;

import pdmbot.domain.interaction.ChatButtonStore;

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

/** Buttons on plain JDBC: one conditional UPDATE decides which click wins, so a double click runs once. */
public final class JdbcChatButtonStore implements ChatButtonStore {

    private static final String COLUMNS = "id, platform, command, label, may_click, created_at, expires_at, used_at, used_by";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcChatButtonStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void issue(IssuedButton b) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO chat_buttons (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
            s.setString(1, b.id());
            s.setString(2, b.platform());
            s.setString(3, b.command());
            s.setString(4, b.label());
            s.setString(5, b.mayClick());
            s.setObject(6, b.createdAt().atOffset(ZoneOffset.UTC));
            s.setObject(7, b.expiresAt().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
        } catch (SQLException e) {
            throw new UnableToRecordChatEventException("store the button " + b.id(), e);
        }
    }

    @Override
    public Optional<IssuedButton> issued(String id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id).map(Row::button);
        } catch (SQLException e) {
            throw new UnableToRecordChatEventException("read the button " + id, e);
        }
    }

    @Override
    public Click use(String id, String user) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Optional<Row> row = find(c, id);
            if (row.isEmpty()) return new Unknown(id);
            IssuedButton button = row.get().button;
            if (row.get().usedAt != null) return new AlreadyUsed(button, row.get().usedBy);
            if (!now.isBefore(button.expiresAt())) return new Expired(button);
            if (button.mayClick() != null && !button.mayClick().equals(user)) return new NotYours(button);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE chat_buttons SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL")) {
                s.setObject(1, now.atOffset(ZoneOffset.UTC));
                s.setString(2, user);
                s.setString(3, id);
                int won = s.executeUpdate();
                if (!c.getAutoCommit()) c.commit();
                if (won == 1) return new Usable(button);
            }
            Optional<Row> after = find(c, id);
            return new AlreadyUsed(button, after.map(r -> r.usedBy).orElse(""));
        } catch (SQLException e) {
            throw new UnableToRecordChatEventException("use the button " + id, e);
        }
    }

    @Override
    public int forgetExpiredBefore(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM chat_buttons WHERE expires_at < ?")) {
            s.setObject(1, before.atOffset(ZoneOffset.UTC));
            int n = s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
            return n;
        } catch (SQLException e) {
            throw new UnableToRecordChatEventException("forget expired buttons", e);
        }
    }

    private record Row(IssuedButton button, Instant usedAt, String usedBy) {
    }

    private static Optional<Row> find(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM chat_buttons WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                IssuedButton b = new IssuedButton(rs.getString("id"), rs.getString("platform"), rs.getString("command"),
                        rs.getString("label"), rs.getString("may_click"), instant(rs, "created_at"),
                        instant(rs, "expires_at"));
                return Optional.of(new Row(b, instant(rs, "used_at"), rs.getString("used_by")));
            }
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
