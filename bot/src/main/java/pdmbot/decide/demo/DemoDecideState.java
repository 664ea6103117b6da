package pdmbot.decide.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.BackgroundMigrations;
import pdmbot.world.BatchedBackgroundMigration;

/**
 * What the demo's decisions see besides the demo world, kept in {@code <data>/decide-demo.json} so that every
 * {@code say} sees what the last one set: the clock (real time, or real time moved by an offset), the tables with
 * autovacuum running, and the batched background migrations (the same four the GitLab emulator's demo seed lists).
 */
public final class DemoDecideState implements BackgroundMigrations {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's shape. */
    public record Saved(Long clockOffsetSeconds, List<String> autovacuum, List<Row> backgroundMigrations) {
        public Saved {
            autovacuum = autovacuum == null ? List.of() : List.copyOf(autovacuum);
            backgroundMigrations = backgroundMigrations == null ? List.of() : List.copyOf(backgroundMigrations);
        }
    }

    /** One batched background migration, as Entities::BatchedBackgroundMigration names its fields. */
    public record Row(String database, String jobClassName, String tableName, String columnName, String status, double progress) {
    }

    private final Path file;
    private Saved saved;

    private DemoDecideState(Path file, Saved saved) {
        this.file = file;
        this.saved = saved;
    }

    public static DemoDecideState open(Path dataDir) {
        Path file = dataDir.resolve("decide-demo.json");
        if (!Files.exists(file)) return new DemoDecideState(file, new Saved(null, List.of(), seed()));
        try {
            return new DemoDecideState(file, JSON.readValue(file.toFile(), Saved.class));
        } catch (IOException e) {
            throw new UnableToReadDemoDecideStateException("cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "): delete it to start the demo's clock, health and background migrations afresh");
        }
    }

    /**
     * As pdmbot.world.demo.DemoSeed seeds the emulator's admin API (two finished, two still active), plus the background
     * migration that the demo's pending {@code FinalizeBackfillCiBuildsMetadataPartitionId} finalizes, still active, so
     * that a pending finalize_background waits for it.
     */
    static List<Row> seed() {
        return List.of(new Row("main", "BackfillIssuesNamespaceId", "issues", "id", "finished", 100.0),
                new Row("ci", "BackfillPartitionIdCiPipelineVariables", "ci_pipeline_variables", "id", "finished", 100.0),
                new Row("ci", "BackfillCiStagesPartitionId", "ci_stages", "id", "active", 63.4),
                new Row("main", "BackfillProjectsOrganizationId", "projects", "id", "active", 41.0),
                new Row("ci", "BackfillCiBuildsMetadataPartitionId", "ci_builds_metadata", "id", "active", 78.2));
    }

    public synchronized Saved saved() {
        return saved;
    }

    /** The demo's time now: real time, moved by the offset {@code demo clock} set. */
    public synchronized Instant now(Instant real) {
        return saved.clockOffsetSeconds() == null ? real : real.plusSeconds(saved.clockOffsetSeconds());
    }

    public synchronized boolean isClockSet() {
        return saved.clockOffsetSeconds() != null;
    }

    public synchronized void setClock(Instant at, Instant real) {
        save(new Saved(at.getEpochSecond() - real.getEpochSecond(), saved.autovacuum(), saved.backgroundMigrations()));
    }

    public synchronized void realClock() {
        save(new Saved(null, saved.autovacuum(), saved.backgroundMigrations()));
    }

    public synchronized Set<String> autovacuum() {
        return new TreeSet<>(saved.autovacuum());
    }

    public synchronized void autovacuumOn(String table) {
        Set<String> tables = autovacuum();
        tables.add(table);
        save(new Saved(saved.clockOffsetSeconds(), new ArrayList<>(tables), saved.backgroundMigrations()));
    }

    public synchronized int clearHealth() {
        int n = saved.autovacuum().size();
        save(new Saved(saved.clockOffsetSeconds(), List.of(), saved.backgroundMigrations()));
        return n;
    }

    /** Marks every batched background migration of {@code jobClass} finished; how many there were. */
    public synchronized int finish(String jobClass) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Row r : saved.backgroundMigrations()) {
            boolean match = r.jobClassName().equalsIgnoreCase(jobClass) && !r.status().equals("finished");
            if (match) n++;
            rows.add(match ? new Row(r.database(), r.jobClassName(), r.tableName(), r.columnName(), "finished", 100.0) : r);
        }
        save(new Saved(saved.clockOffsetSeconds(), saved.autovacuum(), rows));
        return n;
    }

    /** The demo's staging mirrors production: both environments list the same batched background migrations. */
    @Override
    public synchronized List<BatchedBackgroundMigration> on(Environment environment, LogicalDatabase database) {
        return saved.backgroundMigrations().stream().filter(r -> r.database().equals(database.id()))
                .map(r -> new BatchedBackgroundMigration(database, r.jobClassName(), r.tableName(), r.columnName(), r.status(),
                        String.format(java.util.Locale.ROOT, "%.1f%%", r.progress())))
                .toList();
    }

    private void save(Saved next) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(next));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UnableToReadDemoDecideStateException("cannot save " + file + ": " + e.getClass().getSimpleName());
        }
        saved = next;
    }
}
