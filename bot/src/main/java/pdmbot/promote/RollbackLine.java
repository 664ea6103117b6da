package pdmbot.promote;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DatabaseState;
import pdmbot.world.PackageSource;

/**
 * The rollback line of an environment: the package recorded by its last successful {@code db/<env>} deployment.
 * Computed as the newest package all of whose post-deploy migrations have run there (on one database at least): a
 * successful db/gprd deployment of a package records exactly that, and on GitLab what ran on db/gprd is read from
 * those deployments, so the two agree on every world. Production cannot roll back to a package older than it, since
 * the migrations after it ran and the older code does not expect them.
 *
 * <p>The {@code decide} helper builds {@code rollback check} on the same definition; this is promote's own copy
 * until the lead unifies them.
 */
public final class RollbackLine {

    private final PackageSource packages;
    private final DatabaseState databases;

    public RollbackLine(PackageSource packages, DatabaseState databases) {
        this.packages = packages;
        this.databases = databases;
    }

    /** The rollback line on gstg or gprd; empty when no package has had all its post-deploy migrations run there. */
    public Optional<AutoDeployPackage> on(Environment environment) {
        DatabaseState.requireDatabaseEnvironment(environment);
        Set<String> ran = new HashSet<>();
        for (LogicalDatabase database : LogicalDatabase.values())
            databases.ranOn(environment, database).forEach(run -> ran.add(run.version()));
        List<AutoDeployPackage> all = packages.packages();
        // a package's tree holds every migration before it too, so the first fully-run package from the newest is the line
        for (int i = all.size() - 1; i >= 0; i--) {
            AutoDeployPackage pkg = all.get(i);
            boolean allRan = true;
            for (PostMigration m : packages.postMigrationsAt(pkg)) {
                if (!ran.contains(m.version())) {
                    allRan = false;
                    break;
                }
            }
            if (allRan) return Optional.of(atLeastWhereRunMigrationsAre(all, i, ran));
        }
        return Optional.empty();
    }

    /**
     * A run of a subset can run a migration of a package newer than the line while older ones stay pending: rolling
     * back before that package would run code older than the schema, so the line moves to the oldest package from
     * {@code line} on whose tree holds every migration that ran and that the newest package still has (issue 14).
     */
    private AutoDeployPackage atLeastWhereRunMigrationsAre(List<AutoDeployPackage> all, int line, Set<String> ran) {
        Set<String> relevant = new HashSet<>();
        for (PostMigration m : packages.postMigrationsAt(all.get(all.size() - 1))) if (ran.contains(m.version())) relevant.add(m.version());
        for (int i = line; i < all.size(); i++) {
            Set<String> tree = new HashSet<>();
            for (PostMigration m : packages.postMigrationsAt(all.get(i))) tree.add(m.version());
            if (tree.containsAll(relevant)) return all.get(i);
        }
        return all.get(line);
    }

    /** Whether {@code candidate} is at or after the line (a package as new as the line's, or newer). */
    public static boolean isAtOrAfter(AutoDeployPackage candidate, AutoDeployPackage line) {
        return candidate.version().compareTo(line.version()) >= 0;
    }
}
