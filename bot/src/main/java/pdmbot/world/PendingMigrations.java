package pdmbot.world;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;

/**
 * Works out what is pending on an environment: the post-deploy migrations in the package deployed there,
 * on each database they apply to, whose version has not run on that database.
 */
public final class PendingMigrations {

    /** Which logical databases a migration, as a package has it, runs on. */
    @FunctionalInterface
    public interface DatabasesOf {
        Set<LogicalDatabase> of(AutoDeployPackage pkg, PostMigration migration);
    }

    private final PackageSource packages;
    private final Deployments deployments;
    private final DatabaseState databases;
    private final DatabasesOf databasesOf;

    /** With the databases as {@code databasesOf} answers: the classification's, the one answer the bot has. */
    public PendingMigrations(PackageSource packages, Deployments deployments, DatabaseState databases, DatabasesOf databasesOf) {
        this.packages = packages;
        this.deployments = deployments;
        this.databases = databases;
        this.databasesOf = java.util.Objects.requireNonNull(databasesOf, "databasesOf");
    }

    /** Pending migrations on gstg or gprd, ordered by version then database; empty when nothing is deployed. */
    public List<PendingMigration> pendingOn(Environment environment) {
        DatabaseState.requireDatabaseEnvironment(environment);
        Optional<AutoDeployPackage> deployed = deployments.packageOn(environment);
        if (deployed.isEmpty()) return List.of();
        List<PendingMigration> pending = new ArrayList<>();
        for (PostMigration migration : packages.postMigrationsAt(deployed.get())) {
            Set<LogicalDatabase> notRun = EnumSet.noneOf(LogicalDatabase.class);
            for (LogicalDatabase database : LogicalDatabase.values())
                if (!databases.hasRun(environment, database, migration.version())) notRun.add(database);
            // ran on every database: pending nowhere, whatever databases it applies to (so it is not classified)
            if (notRun.isEmpty()) continue;
            for (LogicalDatabase database : databasesOf.of(deployed.get(), migration)) {
                if (notRun.contains(database)) pending.add(new PendingMigration(environment, database, migration));
            }
        }
        return pending;
    }

    public boolean hasPending(Environment environment) {
        return !pendingOn(environment).isEmpty();
    }
}
