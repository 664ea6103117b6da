package pdmbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import pdmbot.storage.testing.PostgresAddress;
import pdmbot.storage.testing.TestDatabases;

/** Opening a PostgreSQL store, and the ways that fails, without a password ever reaching a message. */
class DatabasePostgresTest {

    static final String SECRET = "hunter2-never-shown";

    @Test
    void an_unreachable_server_is_named_by_its_url_without_the_password() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/pdm?password=" + SECRET + "&connectTimeout=2";

        assertThatThrownBy(() -> Database.postgres(url, "pdm", SECRET))
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasMessageStartingWith("PostgreSQL at jdbc:postgresql://localhost:" + closedPort + "/pdm?connectTimeout=2"
                        + " is unreachable (")
                .hasMessageContaining("check the URL and that the server is running")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(SECRET));
    }

    @Test
    void nothing_logged_while_failing_to_connect_shows_the_password() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        try {
            assertThatThrownBy(() -> Database.postgres(
                    "jdbc:postgresql://localhost:" + closedPort + "/pdm?password=" + SECRET, "pdm", SECRET))
                    .isInstanceOf(DatabaseUnreachableException.class);
        } finally {
            root.setLevel(before);
            root.detachAppender(captured);
        }

        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(SECRET);
            if (event.getThrowableProxy() != null)
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(SECRET);
        }
    }

    @Test
    void a_database_that_does_not_exist_is_named_with_advice() {
        PostgresAddress existing = TestDatabases.freshPostgresDatabase();
        String missing = existing.url().replaceFirst("/pdm_test_[0-9a-f]+", "/no_such_database");

        assertThatThrownBy(() -> Database.postgres(missing, existing.user(), SECRET))
                .isInstanceOf(UnableToOpenStoreException.class)
                .hasMessageContaining("has no such database: create it first")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(SECRET));
    }

    @Test
    void settings_and_location_never_show_the_password() {
        StorageSettings settings = StorageSettings.postgres(
                "jdbc:postgresql://db.example:5432/pdm?user=bot&password=" + SECRET + "&sslmode=require", "bot", SECRET);

        assertThat(settings.toString()).doesNotContain(SECRET);
        assertThat(settings.location()).isEqualTo("jdbc:postgresql://db.example:5432/pdm?user=bot&sslmode=require");
    }

    @Test
    void a_url_that_is_not_postgresql_is_refused_without_echoing_a_password() {
        assertThatThrownBy(() -> StorageSettings.postgres("jdbc:mysql://db/pdm?password=" + SECRET, "bot", SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    private static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t).append('\n');
        return all.toString();
    }
}
