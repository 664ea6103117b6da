package pdmbot.storage.dialogues;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class DialogueStorePostgresTest extends DialogueStoreContract {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) postgres.close();
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
