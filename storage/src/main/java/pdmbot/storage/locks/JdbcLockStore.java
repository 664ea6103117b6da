package pdmbot.storage.locks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** Locks on plain JDBC; the primary key on {@code environment_locks.environment} makes taking one atomic. */
public final class JdbcLockStore implements LockStore {

    private static final String COLUMNS = "environment, locked_by, reason, locked_at, until";
    /** Each attempt either inserts or meets a lock; only a lock released in between makes us try again. */
    private static final int ATTEMPTS = 5;

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcLockStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public LockOutcome lock(Environment environment, String lockedBy, String reason, Instant until) {
        // Both databases keep microseconds; truncating here makes the returned lock equal the stored one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant end = until == null ? null : until.truncatedTo(ChronoUnit.MICROS);
        EnvironmentLock wanted = new EnvironmentLock(environment, lockedBy, reason, now, end);
        String action = "lock " + environment;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            jdbc.update(action, "DELETE FROM environment_locks WHERE environment = ? AND until IS NOT NULL AND until <= ?", s -> {
                s.setString(1, environment.id());
                Jdbc.setInstant(s, 2, now);
            });
            boolean inserted = jdbc.run(action, c -> {
                try {
                    Jdbc.update(c, "INSERT INTO environment_locks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", s -> {
                        s.setString(1, environment.id());
                        s.setString(2, lockedBy);
                        s.setString(3, reason);
                        Jdbc.setInstant(s, 4, now);
                        Jdbc.setInstant(s, 5, end);
                    });
                    return true;
                } catch (SQLException e) {
                    if (Jdbc.isUniqueViolation(e)) return false;
                    throw e;
                }
            });
            if (inserted) return new LockOutcome.Locked(wanted);
            Optional<EnvironmentLock> existing = anyLockOf(environment);
            if (existing.isPresent() && !existing.get().isExpiredAt(now)) return new LockOutcome.AlreadyLocked(existing.get());
        }
        throw new StorageException("unable to lock " + environment + ": its lock kept changing, try again");
    }

    @Override
    public boolean unlock(Environment environment) {
        return jdbc.update("unlock " + environment, "DELETE FROM environment_locks WHERE environment = ?",
                s -> s.setString(1, environment.id())) > 0;
    }

    @Override
    public Optional<EnvironmentLock> lockOf(Environment environment) {
        Instant now = clock.instant();
        return anyLockOf(environment).filter(l -> !l.isExpiredAt(now));
    }

    @Override
    public List<EnvironmentLock> locks() {
        Instant now = clock.instant();
        return jdbc.list("list locks", "SELECT " + COLUMNS + " FROM environment_locks", Jdbc.none(), JdbcLockStore::lock)
                .stream()
                .filter(l -> !l.isExpiredAt(now))
                .sorted(Comparator.comparing(EnvironmentLock::environment))
                .toList();
    }

    private Optional<EnvironmentLock> anyLockOf(Environment environment) {
        return jdbc.first("read the lock of " + environment, "SELECT " + COLUMNS + " FROM environment_locks WHERE environment = ?",
                s -> s.setString(1, environment.id()), JdbcLockStore::lock);
    }

    private static EnvironmentLock lock(ResultSet rs) throws SQLException {
        String id = rs.getString("environment");
        Environment environment = Environment.byId(id)
                .orElseThrow(() -> new SQLException("unknown environment in environment_locks: " + id));
        return new EnvironmentLock(environment, rs.getString("locked_by"), rs.getString("reason"),
                Jdbc.instant(rs, "locked_at"), Jdbc.instant(rs, "until"));
    }
}
