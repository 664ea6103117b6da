package pdmbot.storage.durations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** Durations on plain JDBC: update-then-insert on the (environment, database, version) key, one dialect. */
public final class JdbcDurationStore implements DurationStore {

    private static final String COLUMNS = "environment, db_name, version, name, nature, table_size, millis, source, learnt_at";

    private final Jdbc jdbc;

    public JdbcDurationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void learn(MigrationDuration d) {
        jdbc.run("learn the duration of " + d.version() + " on " + d.environment() + " " + d.database(), c -> {
            // A failure only fills an empty place or another failure; a success overwrites anything.
            String condition = d.hasFailed() ? " AND millis IS NULL" : "";
            int updated = Jdbc.update(c, "UPDATE migration_durations SET name = ?, nature = ?, table_size = ?, millis = ?,"
                    + " source = ?, learnt_at = ? WHERE environment = ? AND db_name = ? AND version = ?" + condition, s -> {
                        s.setString(1, d.name());
                        s.setString(2, d.nature());
                        s.setString(3, d.tableSize());
                        if (d.took().isPresent()) s.setLong(4, d.took().get().toMillis());
                        else s.setNull(4, java.sql.Types.BIGINT);
                        s.setString(5, d.source());
                        Jdbc.setInstant(s, 6, d.learntAt().truncatedTo(ChronoUnit.MICROS));
                        s.setString(7, d.environment().id());
                        s.setString(8, d.database().id());
                        s.setString(9, d.version());
                    });
            if (updated == 0) insertUnlessPresent(c, d);
            return null;
        });
    }

    private static void insertUnlessPresent(Connection c, MigrationDuration d) throws SQLException {
        Jdbc.update(c, "INSERT INTO migration_durations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", s -> {
                    s.setString(1, d.environment().id());
                    s.setString(2, d.database().id());
                    s.setString(3, d.version());
                    s.setString(4, d.name());
                    s.setString(5, d.nature());
                    s.setString(6, d.tableSize());
                    if (d.took().isPresent()) s.setLong(7, d.took().get().toMillis());
                    else s.setNull(7, java.sql.Types.BIGINT);
                    s.setString(8, d.source());
                    Jdbc.setInstant(s, 9, d.learntAt().truncatedTo(ChronoUnit.MICROS));
                });
    }

    @Override
    public Optional<MigrationDuration> of(Environment environment, LogicalDatabase database, String version) {
        return jdbc.first("read the duration of " + version, "SELECT " + COLUMNS + " FROM migration_durations"
                + " WHERE environment = ? AND db_name = ? AND version = ?", s -> {
                    s.setString(1, environment.id());
                    s.setString(2, database.id());
                    s.setString(3, version);
                }, JdbcDurationStore::row);
    }

    @Override
    public List<MigrationDuration> learntOn(Environment environment) {
        return jdbc.list("list the durations learnt on " + environment, "SELECT " + COLUMNS + " FROM migration_durations"
                + " WHERE environment = ? ORDER BY version, db_name", s -> s.setString(1, environment.id()),
                JdbcDurationStore::row);
    }

    private static MigrationDuration row(ResultSet rs) throws SQLException {
        Environment environment = Environment.byId(rs.getString("environment"))
                .orElseThrow(() -> new StorageException("migration_durations holds an unknown environment"));
        LogicalDatabase database = LogicalDatabase.byId(rs.getString("db_name"))
                .orElseThrow(() -> new StorageException("migration_durations holds an unknown database"));
        long millis = rs.getLong("millis");
        Optional<Duration> took = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
        return new MigrationDuration(environment, database, rs.getString("version"), rs.getString("name"),
                rs.getString("nature"), rs.getString("table_size"), took, rs.getString("source"), Jdbc.instant(rs, "learnt_at"));
    }
}
