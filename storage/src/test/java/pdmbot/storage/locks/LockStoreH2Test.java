package pdmbot.storage.locks;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class LockStoreH2Test extends LockStoreContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.h2(clock);
    }
}
