package pdmbot.storage.environments;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class EnvironmentStoreH2Test extends EnvironmentStoreContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.h2(clock);
    }
}
