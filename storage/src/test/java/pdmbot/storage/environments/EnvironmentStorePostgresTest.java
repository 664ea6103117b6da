package pdmbot.storage.environments;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class EnvironmentStorePostgresTest extends EnvironmentStoreContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.postgres(clock);
    }
}
