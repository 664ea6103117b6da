package pdmbot.storage.events;

import pdmbot.domain.interaction.ChatEventStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Claims on plain JDBC: the primary key (platform, event_id) lets exactly one insert win, whatever the race. */
public final class JdbcChatEventStore implements ChatEventStore {

    /** SQLState of a unique violation, the same on PostgreSQL and on H2 in PostgreSQL mode. */
    static final String UNIQUE_VIOLATION = "23505";
    /** Event ids longer than the column are cut; platform ids are far shorter. */
    static final int MAX_EVENT_ID = 200;

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcChatEventStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public boolean claim(String platform, String eventId, String instance) {
        if (eventId == null || eventId.isBlank())
            throw new IllegalArgumentException("an event id is needed to claim a " + platform + " event");
        String id = eventId.length() > MAX_EVENT_ID ? eventId.substring(0, MAX_EVENT_ID) : eventId;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO chat_events (platform, event_id, claimed_at, instance) VALUES (?, ?, ?, ?)")) {
            s.setString(1, platform);
            s.setString(2, id);
            s.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            s.setString(4, instance);
            s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) return false;
            throw new UnableToRecordChatEventException("claim the " + platform + " event " + id, e);
        }
    }

    @Override
    public void release(String platform, String eventId) {
        String id = eventId.length() > MAX_EVENT_ID ? eventId.substring(0, MAX_EVENT_ID) : eventId;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM chat_events WHERE platform = ? AND event_id = ?")) {
            s.setString(1, platform);
            s.setString(2, id);
            s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
        } catch (SQLException e) {
            throw new UnableToRecordChatEventException("release the " + platform + " event " + id, e);
        }
    }

    @Override
    public int forgetClaimedBefore(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM chat_events WHERE claimed_at < ?")) {
            s.setObject(1, before.atOffset(ZoneOffset.UTC));
            int n = s.executeUpdate();
            if (!c.getAutoCommit()) c.commit();
            return n;
        } catch (SQLException e) {
            throw new UnableToRecordChatEventException("forget old chat events", e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException())
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) return true;
        return false;
    }
}
