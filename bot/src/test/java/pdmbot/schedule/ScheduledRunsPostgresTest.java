package pdmbot.schedule;

import pdmbot.storage.Database;
import pdmbot.storage.testing.MutableClock;
import pdmbot.storage.testing.TestDatabases;

class ScheduledRunsPostgresTest extends ScheduledRunsTests {
    @Override
    protected Database openDatabase(MutableClock clock) {
        return TestDatabases.postgres(clock);
    }
}
