package pdmbot.storage.ledger;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;

/** The ledger of packages and the post-deploy migrations each one added, modified or removed. */
public interface LedgerStore {

    /**
     * Records a package and its changes in one transaction. Recording a package already present changes
     * nothing, even when two instances race.
     *
     * @return whether the package was new
     */
    boolean recordPackage(PackageVersion version, List<LedgerChange> changes);

    boolean hasPackage(PackageVersion version);

    /** The newest package in version order (built_at first). */
    Optional<PackageVersion> latestPackage();

    /** Every package, oldest first. */
    List<PackageVersion> packages();

    /** The first package, in version order, that added the migration. */
    Optional<PackageVersion> introducedBy(String migrationVersion);

    /** Every ledger row for the migration, oldest package first; a removal stays as a 'removed' row. */
    List<LedgerEntry> changesOf(String migrationVersion);

    /** The migrations a package added, by version. */
    List<PostMigration> introducedIn(PackageVersion version);

    Optional<PostMigration> migration(String version);

    /** Every migration ever seen, by version. */
    List<PostMigration> allMigrations();

    /**
     * Resolves what a user typed, case-insensitively: an exact version, a version prefix (4 digits or more), a
     * class name ({@code AddIndexFoo}), a snake name ({@code add_index_foo}), a file name or a path ending in one.
     * Ordered by version; empty when nothing matches.
     */
    List<PostMigration> findMigrations(String ref);

    long packageCount();

    long migrationCount();
}
