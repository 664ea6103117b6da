package pdmbot.storage.classifications;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class ClassificationStoreH2Test extends ClassificationStoreContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.h2(clock);
    }
}
