package pdmbot.world.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.demo.DemoPlan.PlannedMigration;

/**
 * The demo's starting state: canaries on the newest packages, staging behind them, production further behind;
 * post-deploy migrations ran on db/gstg up to an older package and on db/gprd up to an older one still, so some
 * are pending on staging only, some on both, some on ci only. One migration that applies to both databases ran
 * on main but not on ci, as after a failure on the ci database.
 */
final class DemoStatePlanner {

    static final int GSTG_CNY = DemoHistory.PACKAGES - 1;
    static final int GPRD_CNY = DemoHistory.PACKAGES - 2;
    static final int GSTG = DemoHistory.PACKAGES - 3;
    static final int GPRD = DemoHistory.PACKAGES - 5;
    static final int GSTG_RAN_THROUGH = 28;
    static final int GPRD_RAN_THROUGH = 24;

    private DemoStatePlanner() {
    }

    static DemoState initial(DemoPlan plan, List<AutoDeployPackage> packages) {
        DemoState state = DemoState.empty(plan.seed())
                .withDeployment(Environment.GSTG_CNY, packages.get(GSTG_CNY))
                .withDeployment(Environment.GPRD_CNY, packages.get(GPRD_CNY))
                .withDeployment(Environment.GSTG, packages.get(GSTG))
                .withDeployment(Environment.GPRD, packages.get(GPRD));
        String failedOnCi = failedOnCi(plan);
        int position = 0;
        for (PlannedMigration migration : plan.migrations()) {
            position++;
            Instant built = packages.get(migration.packageIndex()).version().builtAt();
            for (LogicalDatabase database : databasesOf(migration)) {
                if (database == LogicalDatabase.CI && migration.version().equals(failedOnCi)) continue;
                if (migration.packageIndex() <= GSTG_RAN_THROUGH)
                    state = state.withRun(Environment.GSTG, database, migration.version(),
                            built.plus(Duration.ofHours(6)).plusSeconds(20L * position));
                if (migration.packageIndex() <= GPRD_RAN_THROUGH)
                    state = state.withRun(Environment.GPRD, database, migration.version(),
                            built.plus(Duration.ofHours(14)).plusSeconds(20L * position));
            }
        }
        return state;
    }

    /** The newest migration for both databases that staging ran; it is left pending on ci everywhere. */
    static String failedOnCi(DemoPlan plan) {
        String version = null;
        for (PlannedMigration migration : plan.migrations())
            if (migration.packageIndex() <= GSTG_RAN_THROUGH && databasesOf(migration).size() == 2)
                version = migration.version();
        return version;
    }

    /**
     * The databases the generator meant a planned migration for, from the schema it wrote in its
     * {@code restrict_gitlab_migration} line (the catalogue uses ci, main-family and shared schemas only). The bot
     * never asks this: it reads the databases from the classification of the file.
     */
    static Set<LogicalDatabase> databasesOf(PlannedMigration migration) {
        String schema = migration.schema() == null ? "" : migration.schema();
        if (schema.startsWith("gitlab_ci")) return EnumSet.of(LogicalDatabase.CI);
        if (schema.startsWith("gitlab_main") || schema.equals("gitlab_sec")) return EnumSet.of(LogicalDatabase.MAIN);
        return EnumSet.allOf(LogicalDatabase.class);
    }
}
