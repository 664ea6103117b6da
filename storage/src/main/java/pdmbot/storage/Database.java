package pdmbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open store: a HikariCP pool on H2 or PostgreSQL whose schema Flyway has brought up to date.
 * Open it once per process, hand {@link #stores()} to the features, close it on shutdown.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** H2 lets a second connection in the same JVM share an open file, so this process refuses that itself. */
    private static final Set<Path> OPEN_H2_FOLDERS = ConcurrentHashMap.newKeySet();
    /** In-memory H2 databases live until the last Database on them closes (several may share one in tests). */
    private static final Map<String, Integer> OPEN_MEMORY_DATABASES = new HashMap<>();

    private final StorageSettings settings;
    private final HikariDataSource pool;
    private final Stores stores;

    private Database(StorageSettings settings, HikariDataSource pool, Clock clock) {
        this.settings = settings;
        this.pool = pool;
        this.stores = Stores.on(pool, clock);
    }

    /** The H2 file store {@code <dataFolder>/pdm-bot.mv.db}, created when absent. */
    public static Database h2(Path dataFolder) {
        return open(StorageSettings.h2(dataFolder));
    }

    /** A PostgreSQL store; several pdm-bot instances may share it. */
    public static Database postgres(String url, String user, String password) {
        return open(StorageSettings.postgres(url, user, password));
    }

    /** A private in-memory H2 store, for tests and throwaway runs. */
    public static Database inMemoryH2(String name) {
        return open(StorageSettings.inMemoryH2(name));
    }

    public static Database open(StorageSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** Opens the pool and migrates the schema; the clock stamps rows (ingested_at, locked_at…). */
    public static Database open(StorageSettings settings, Clock clock) {
        Path folder = null;
        if (settings.kind() == StorageSettings.Kind.H2_FILE) {
            folder = prepareDataFolder(settings.dataFolder());
            refuseAnEmptyStoreFile(settings);
            if (!OPEN_H2_FOLDERS.add(folder))
                throw new StoreInUseException(settings.location(), "this process already has it open", null);
        }
        HikariDataSource pool = null;
        try {
            pool = openPool(settings);
            migrate(settings, pool);
            if (settings.kind() == StorageSettings.Kind.H2_MEMORY) {
                synchronized (OPEN_MEMORY_DATABASES) {
                    OPEN_MEMORY_DATABASES.merge(settings.jdbcUrl(), 1, Integer::sum);
                }
            }
            LOG.info("storage opened: {}", settings);
            return new Database(settings, pool, clock);
        } catch (RuntimeException e) {
            if (pool != null) pool.close();
            if (folder != null) OPEN_H2_FOLDERS.remove(folder);
            throw e;
        }
    }

    /** The stores, all sharing this database's pool. */
    public Stores stores() {
        return stores;
    }

    /** The pool, for features that need a query of their own (and for tests). */
    public DataSource dataSource() {
        return pool;
    }

    public StorageSettings settings() {
        return settings;
    }

    /** Where the store is, safe to show. */
    public String location() {
        return settings.location();
    }

    @Override
    public void close() {
        if (pool.isClosed()) return;
        if (settings.kind() == StorageSettings.Kind.H2_MEMORY && isLastOnItsMemoryDatabase()) shutdownInMemoryH2();
        pool.close();
        if (settings.kind() == StorageSettings.Kind.H2_FILE) OPEN_H2_FOLDERS.remove(settings.dataFolder());
    }

    private boolean isLastOnItsMemoryDatabase() {
        synchronized (OPEN_MEMORY_DATABASES) {
            Integer left = OPEN_MEMORY_DATABASES.merge(settings.jdbcUrl(), -1, Integer::sum);
            if (left == null || left > 0) return false;
            OPEN_MEMORY_DATABASES.remove(settings.jdbcUrl());
            return true;
        }
    }

    private void shutdownInMemoryH2() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("in-memory H2 shutdown failed; it goes with the JVM", e);
        }
    }

    private static Path prepareDataFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            // Files.isWritable is not enough: it says yes to root on a read-only folder, so write a probe.
            Path probe = Files.createTempFile(folder, ".pdm-bot-write-check", ".tmp");
            Files.delete(probe);
            return folder;
        } catch (IOException | SecurityException e) {
            throw new DataFolderNotWritableException(folder, e);
        }
    }

    /**
     * H2 takes a zero-byte file for a new database and fills it, so a store emptied by a disk or a hand would be
     * replaced silently by an empty one and every run forgotten; it is refused like any damaged file instead.
     */
    private static void refuseAnEmptyStoreFile(StorageSettings settings) {
        Path file = Path.of(settings.location());
        try {
            if (Files.isRegularFile(file) && Files.size(file) == 0)
                throw new StoreDamagedException(settings.location(), " (it is empty: 0 bytes)", null);
        } catch (IOException e) {
            throw new UnableToOpenStoreException("unable to read the store " + settings.location() + ": " + e, e);
        }
    }

    private static HikariDataSource openPool(StorageSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pdm-bot-" + settings.kind().name().toLowerCase());
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        // Fail at once with the driver's own error instead of retrying in the background.
        config.setInitializationFailTimeout(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw OpenFailures.translate(settings, e);
        }
    }

    private static void migrate(StorageSettings settings, DataSource pool) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            StorageException known = OpenFailures.translateIfKnown(settings, e);
            if (known != null) throw known;
            throw new UnableToMigrateSchemaException(settings.location(), e.getMessage(), e);
        }
    }
}
