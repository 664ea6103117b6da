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
            if (allRan) return Optional.of(pkg);
        }
        return Optional.empty();
    }

    /** Whether {@code candidate} is at or after the line (a package as new as the line's, or newer). */
    public static boolean isAtOrAfter(AutoDeployPackage candidate, AutoDeployPackage line) {
        return candidate.version().compareTo(line.version()) >= 0;
    }
}
