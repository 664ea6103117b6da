package pdmbot.storage.releasenotes;

import java.time.Clock;
import pdmbot.storage.Database;
import pdmbot.storage.testing.TestDatabases;

class ReleaseNoteStorePostgresTest extends ReleaseNoteStoreContract {
    @Override
    protected Database openDatabase(Clock clock) {
        return TestDatabases.postgres(clock);
    }
}
