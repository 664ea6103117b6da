package pdmbot.schedule;

import pdmbot.storage.Database;
import pdmbot.storage.testing.MutableClock;
import pdmbot.storage.testing.TestDatabases;

class ScheduledRunsH2Test extends ScheduledRunsTests {
    @Override
    protected Database openDatabase(MutableClock clock) {
        return TestDatabases.h2(clock);
    }
}
