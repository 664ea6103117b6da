package pdmbot.world.demo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.DatabaseState;
import pdmbot.world.MigrationRun;

/** The post-deploy migrations that ran on the demo's db/gstg and db/gprd databases, kept in {@code state.json}. */
public final class DemoDatabaseState implements DatabaseState {

    private final DemoStateFile state;

    DemoDatabaseState(DemoStateFile state) {
        this.state = state;
    }

    @Override
    public List<MigrationRun> ranOn(Environment environment, LogicalDatabase database) {
        DatabaseState.requireDatabaseEnvironment(environment);
        return state.read().runs(environment, database).entrySet().stream()
                .map(run -> new MigrationRun(run.getKey(), run.getValue()))
                .toList();
    }

    @Override
    public Optional<Instant> ranAt(Environment environment, LogicalDatabase database, String version) {
        DatabaseState.requireDatabaseEnvironment(environment);
        return Optional.ofNullable(state.read().runs(environment, database).get(version));
    }

    @Override
    public void recordRun(Environment environment, LogicalDatabase database, String version, Instant ranAt) {
        DatabaseState.requireDatabaseEnvironment(environment);
        new MigrationRun(version, ranAt); // validates before anything is written
        Objects.requireNonNull(database, "database");
        state.update(s -> s.withRun(environment, database, version, ranAt));
    }
}
