package pdmbot.storage;

import java.time.Clock;
import pdmbot.storage.testing.TestDatabases;

class SchemaH2Test extends SchemaContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.h2(clock);
    }
}
