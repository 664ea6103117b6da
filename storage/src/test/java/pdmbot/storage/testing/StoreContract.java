package pdmbot.storage.testing;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import pdmbot.storage.Database;
import pdmbot.storage.Stores;

/**
 * Base of the store contract tests: one database per test class (H2 or PostgreSQL, chosen by the subclass),
 * emptied before each test, with a clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {

    public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    protected final MutableClock clock = new MutableClock(START);
    protected Database database;

    /** Opens the database this contract runs on; the subclass's whole job. */
    protected abstract Database openDatabase(Clock clock);

    @BeforeAll
    void openTheDatabase() {
        database = openDatabase(clock);
    }

    @AfterAll
    void closeTheDatabase() {
        if (database != null) database.close();
    }

    @BeforeEach
    void startFromAnEmptyStore() {
        TestDatabases.clear(database);
        clock.set(START);
    }

    protected Stores stores() {
        return database.stores();
    }

    /** A second, independent Database (its own pool) on the same data, as a second bot instance would open. */
    protected Database anotherInstance() {
        return Database.open(database.settings(), clock);
    }
}
