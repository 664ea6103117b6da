package pdmbot.world;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;

/** Answers which auto-deploy packages exist and which post-deploy migrations each one brought. */
public interface PackageSource {

    /** Every package, oldest first (by the timestamp embedded in its version). */
    List<AutoDeployPackage> packages();

    /**
     * The post-deploy migration files {@code pkg} added, modified or removed compared with {@code previous}
     * (everything in {@code pkg} when there is no previous package), ordered by path.
     */
    List<MigrationChange> postMigrationChanges(AutoDeployPackage pkg, Optional<AutoDeployPackage> previous);

    /** The post-deploy migrations present in the package's tree, ordered by version. */
    List<PostMigration> postMigrationsAt(AutoDeployPackage pkg);

    /** A file's content at the package's commit; empty when the package has no such file. */
    Optional<byte[]> fileAt(AutoDeployPackage pkg, String path);

    /** Resolves a full sha or an abbreviation (at least 4 hex characters) to one commit. */
    Lookup<CommitInfo> findCommit(String shaOrPrefix);

    /** The commit a full sha or a unique abbreviation names; empty when unknown or ambiguous. */
    default Optional<CommitInfo> commit(String shaOrPrefix) {
        return findCommit(shaOrPrefix).found();
    }

    /** Whether the commit is the package's commit or one of its ancestors; false for an unknown commit. */
    boolean contains(AutoDeployPackage pkg, String commitSha);

    /** The package with this version (either form: {@code -} or release tooling's tag form {@code +}), if known. */
    default Optional<AutoDeployPackage> packageNamed(String version) {
        Optional<PackageVersion> wanted = PackageVersion.parse(version);
        return packages().stream().filter(p -> wanted.isPresent() ? p.version().equals(wanted.get())
                : p.version().toString().equals(version)).findFirst();
    }
}
