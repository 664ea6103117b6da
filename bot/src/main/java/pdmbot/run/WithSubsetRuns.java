package pdmbot.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunStore;
import pdmbot.world.DatabaseState;
import pdmbot.world.MigrationRun;

/**
 * What ran on a database: the world's answer plus what runs of a subset executed there. On GitLab the world's answer
 * is the tree of the newest successful {@code db/X} deployment, and a run of a subset records no such deployment unless
 * it leaves nothing pending (it would claim the whole package), so the migrations it ran are known only to the bot, in
 * its store — shared by every instance on the database. On the demo and local worlds the two answers agree.
 */
public final class WithSubsetRuns implements DatabaseState {

    private final DatabaseState world;
    private final RunStore runs;

    public WithSubsetRuns(DatabaseState world, RunStore runs) {
        this.world = world;
        this.runs = runs;
    }

    @Override
    public List<MigrationRun> ranOn(Environment environment, LogicalDatabase database) {
        Map<String, Instant> ran = new TreeMap<>();
        for (MigrationRun run : world.ranOn(environment, database)) ran.put(run.version(), run.ranAt());
        for (ExecutedMigration m : runs.executedBySubsets(environment, database)) ran.putIfAbsent(m.version(), m.executedAt());
        return ran.entrySet().stream().map(e -> new MigrationRun(e.getKey(), e.getValue())).toList();
    }

    @Override
    public Optional<Instant> ranAt(Environment environment, LogicalDatabase database, String version) {
        Optional<Instant> said = world.ranAt(environment, database, version);
        if (said.isPresent()) return said;
        return runs.runThatExecuted(environment, database, version)
                .filter(m -> runs.scope(m.runId()).isPresent())
                .map(ExecutedMigration::executedAt);
    }

    @Override
    public void recordRun(Environment environment, LogicalDatabase database, String version, Instant ranAt) {
        world.recordRun(environment, database, version, ranAt);
    }
}
