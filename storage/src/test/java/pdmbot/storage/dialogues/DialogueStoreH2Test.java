package pdmbot.storage.dialogues;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

class DialogueStoreH2Test extends DialogueStoreContract {

    private static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dialogues;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).load().migrate();
        dataSource = h2;
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
