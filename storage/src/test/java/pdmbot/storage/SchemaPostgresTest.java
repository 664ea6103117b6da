package pdmbot.storage;

import java.time.Clock;
import pdmbot.storage.testing.TestDatabases;

class SchemaPostgresTest extends SchemaContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.postgres(clock);
    }
}
