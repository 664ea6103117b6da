package pdmbot.world;

import java.util.Objects;
import pdmbot.domain.LogicalDatabase;

/**
 * A batched background migration of one database, as GitLab's admin API lists it
 * ({@code lib/api/entities/batched_background_migration.rb}); {@code status} is the state's name (active, paused,
 * finished, finalized, failed, …).
 */
public record BatchedBackgroundMigration(LogicalDatabase database, String jobClass, String table, String column,
                                         String status, String progress) {

    public BatchedBackgroundMigration {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(jobClass, "jobClass");
        table = table == null ? "" : table;
        column = column == null ? "" : column;
        Objects.requireNonNull(status, "status");
        progress = progress == null ? "" : progress;
    }

    /** Whether finalizing it now would still run batches inline: anything but finished or finalized. */
    public boolean isUnfinished() {
        return !status.equals("finished") && !status.equals("finalized");
    }
}
