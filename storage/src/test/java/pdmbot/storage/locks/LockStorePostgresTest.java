package pdmbot.storage.locks;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class LockStorePostgresTest extends LockStoreContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.postgres(clock);
    }
}
