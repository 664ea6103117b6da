package pdmbot.storage.audit;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class AuditLogH2Test extends AuditLogContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.h2(clock);
    }
}
