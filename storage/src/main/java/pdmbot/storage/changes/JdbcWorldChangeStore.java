package pdmbot.storage.changes;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** The change counter on plain JDBC: one row, bumped by an UPDATE, so concurrent bumps from instances all count. */
public final class JdbcWorldChangeStore implements WorldChangeStore {

    private static final int REASON_LENGTH = 200;

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcWorldChangeStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long generation() {
        return jdbc.first("read the world change counter", "SELECT generation FROM world_changes WHERE id = 1", Jdbc.none(),
                rs -> rs.getLong(1)).orElseThrow(() -> new StorageException("world_changes has lost its row"));
    }

    @Override
    public long bump(String reason) {
        String kept = reason == null ? "" : reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
        return jdbc.inTransaction("count a world change", c -> {
            int updated = Jdbc.update(c, "UPDATE world_changes SET generation = generation + 1, changed_at = ?, reason = ? WHERE id = 1",
                    s -> {
                        Jdbc.setInstant(s, 1, clock.instant().truncatedTo(ChronoUnit.MICROS));
                        s.setString(2, kept);
                    });
            if (updated != 1) throw new StorageException("world_changes has lost its row");
            return Jdbc.first(c, "SELECT generation FROM world_changes WHERE id = 1", Jdbc.none(), rs -> rs.getLong(1)).orElseThrow();
        });
    }
}
