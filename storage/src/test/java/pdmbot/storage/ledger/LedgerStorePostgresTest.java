package pdmbot.storage.ledger;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class LedgerStorePostgresTest extends LedgerStoreContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.postgres(clock);
    }
}
