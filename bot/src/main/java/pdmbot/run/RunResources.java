package pdmbot.run;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import pdmbot.storage.locks.LockStore;
import pdmbot.world.Operations;
import pdmbot.world.PendingMigrations;
import pdmbot.world.World;

/**
 * What the steps of a run act on: the world and its operations, the locks, which databases a migration runs on (the
 * classification's answer), how often to poll a pipeline, the durations learnt from and predicted for its
 * migrations, and the PDM diff its start posts.
 */
public record RunResources(World world, Operations operations, LockStore locks, MergeRequestOf mergeRequests,
                           PendingMigrations.DatabasesOf databases, Clock clock, Duration pollInterval, Pacer pacer,
                           MigrationTimes durations, RunDiff diff) {

    /** Without learnt durations: every migration is expected to take the same, nothing is learnt. */
    public RunResources(World world, Operations operations, LockStore locks, MergeRequestOf mergeRequests,
                        PendingMigrations.DatabasesOf databases, Clock clock, Duration pollInterval, Pacer pacer) {
        this(world, operations, locks, mergeRequests, databases, clock, pollInterval, pacer, MigrationTimes.NONE, RunDiff.NONE);
    }

    /** Without the PDM diff in the run's thread. */
    public RunResources(World world, Operations operations, LockStore locks, MergeRequestOf mergeRequests,
                        PendingMigrations.DatabasesOf databases, Clock clock, Duration pollInterval, Pacer pacer,
                        MigrationTimes durations) {
        this(world, operations, locks, mergeRequests, databases, clock, pollInterval, pacer, durations, RunDiff.NONE);
    }

    public RunResources {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(mergeRequests, "mergeRequests");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(pacer, "pacer");
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(diff, "diff");
    }
}
