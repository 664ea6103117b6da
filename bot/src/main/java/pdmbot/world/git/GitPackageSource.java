package pdmbot.world.git;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FS;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MigrationChange;
import pdmbot.world.PackageRefs;
import pdmbot.world.PackageSource;

/**
 * Packages and post-deploy migrations read from a local git checkout with JGit. Packages are the tags and
 * branches whose short name matches the ref pattern. Safe for concurrent reads: every call uses its own
 * reader and walks over the shared, thread-safe {@link Repository}.
 */
public final class GitPackageSource implements PackageSource, AutoCloseable {

    /** By default a ref is a package when an auto-deploy version appears anywhere in its name. */
    public static final Pattern DEFAULT_REF_PATTERN = PackageVersion.PATTERN;

    private static final Pattern SHA_PREFIX = Pattern.compile("[0-9a-f]{4,40}");
    private static final List<String> PACKAGE_REF_PREFIXES =
            List.of(Constants.R_TAGS, Constants.R_HEADS, Constants.R_REMOTES);

    private final Repository repository;
    private final Pattern refPattern;
    private final Path location;

    private GitPackageSource(Repository repository, Pattern refPattern, Path location) {
        this.repository = repository;
        this.refPattern = refPattern;
        this.location = location;
    }

    public static GitPackageSource open(Path path) {
        return open(path, DEFAULT_REF_PATTERN);
    }

    /** Opens a working tree or a bare repository; refs whose short name the pattern finds are packages. */
    public static GitPackageSource open(Path path, Pattern refPattern) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(refPattern, "refPattern");
        if (!Files.isDirectory(path))
            throw new UnableToOpenRepositoryException(path + " does not exist or is not a directory;"
                    + " expected a local git checkout");
        File gitDir = RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED);
        if (gitDir == null)
            throw new UnableToOpenRepositoryException(path + " is not a git repository;"
                    + " expected a directory holding .git, or a bare repository");
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
            return new GitPackageSource(repository, refPattern, path);
        } catch (IOException e) {
            throw new UnableToOpenRepositoryException("cannot open the git repository at " + path + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<AutoDeployPackage> packages() {
        Map<PackageVersion, AutoDeployPackage> byVersion = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (String prefix : PACKAGE_REF_PREFIXES) {
                for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
                    String shortName = Repository.shortenRefName(ref.getName());
                    if (ref.getObjectId() == null || !refPattern.matcher(shortName).find()) continue;
                    RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
                    if (!(target instanceof RevCommit commit)) continue;
                    PackageVersion version = PackageRefs.versionOf(shortName,
                            commit.getCommitterIdent().getWhenAsInstant(), commit.name());
                    // a tag and a branch naming the same version are one package; tags come first
                    byVersion.putIfAbsent(version, new AutoDeployPackage(version, commit.name(), ref.getName()));
                }
            }
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot list the package refs of " + location, e);
        }
        List<AutoDeployPackage> packages = new ArrayList<>(byVersion.values());
        packages.sort(Comparator.naturalOrder());
        return packages;
    }

    @Override
    public List<MigrationChange> postMigrationChanges(AutoDeployPackage pkg, Optional<AutoDeployPackage> previous) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit newer = commitOf(walk, pkg);
            Optional<RevCommit> older = previous.isPresent() ? Optional.of(commitOf(walk, previous.get())) : Optional.empty();
            return PostMigrationDiff.between(reader, newer, older);
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot diff " + pkg + " against "
                    + previous.map(Object::toString).orElse("an empty tree") + " in " + location, e);
        }
    }

    @Override
    public List<PostMigration> postMigrationsAt(AutoDeployPackage pkg) {
        List<PostMigration> migrations = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
             TreeWalk tree = new TreeWalk(reader)) {
            tree.setRecursive(true);
            tree.addTree(commitOf(walk, pkg).getTree());
            tree.setFilter(PathFilter.create("db/post_migrate"));
            while (tree.next()) {
                String path = tree.getPathString();
                if (PostMigration.isPostDeployPath(path)) PostMigration.fromPath(path).ifPresent(migrations::add);
            }
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot list the post-deploy migrations of " + pkg, e);
        }
        migrations.sort(Comparator.comparing(PostMigration::version).thenComparing(PostMigration::path));
        return migrations;
    }

    @Override
    public Optional<byte[]> fileAt(AutoDeployPackage pkg, String path) {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader);
             TreeWalk tree = TreeWalk.forPath(reader, path, commitOf(walk, pkg).getTree())) {
            if (tree == null || tree.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) return Optional.empty();
            try (InputStream in = reader.open(tree.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot read " + path + " at " + pkg, e);
        }
    }

    @Override
    public Lookup<CommitInfo> findCommit(String shaOrPrefix) {
        String query = shaOrPrefix == null ? "" : shaOrPrefix.trim().toLowerCase();
        if (!SHA_PREFIX.matcher(query).matches())
            return new Lookup.NotFound<>(query, "\"" + query + "\" is not a commit sha; expected 4 to 40 hex characters");
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            List<CommitInfo> commits = new ArrayList<>();
            for (ObjectId id : candidates(reader, query)) {
                RevObject object;
                try {
                    object = walk.parseAny(id);
                } catch (org.eclipse.jgit.errors.MissingObjectException absent) {
                    continue;
                }
                if (object instanceof RevCommit commit) commits.add(infoOf(commit));
            }
            commits.sort(Comparator.comparing(CommitInfo::sha));
            if (commits.isEmpty()) return new Lookup.NotFound<>(query, "no commit starts with " + query);
            if (commits.size() == 1) return new Lookup.Found<>(query, commits.get(0));
            return new Lookup.Ambiguous<>(query, commits);
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot resolve commit " + query + " in " + location, e);
        }
    }

    private static Collection<ObjectId> candidates(ObjectReader reader, String query) throws IOException {
        if (query.length() == Constants.OBJECT_ID_STRING_LENGTH) return List.of(ObjectId.fromString(query));
        return reader.resolve(AbbreviatedObjectId.fromString(query));
    }

    @Override
    public boolean contains(AutoDeployPackage pkg, String commitSha) {
        Optional<CommitInfo> commit = commit(commitSha);
        if (commit.isEmpty()) return false;
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(commit.get().sha())), commitOf(walk, pkg));
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot tell whether " + pkg + " contains " + commitSha, e);
        }
    }

    private RevCommit commitOf(RevWalk walk, AutoDeployPackage pkg) throws IOException {
        try {
            return walk.parseCommit(ObjectId.fromString(pkg.commitSha()));
        } catch (org.eclipse.jgit.errors.MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw new UnableToReadRepositoryException("package " + pkg + " points at " + pkg.commitSha()
                    + ", which is not a commit of " + location, e);
        }
    }

    private static CommitInfo infoOf(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        String message = commit.getFullMessage();
        return new CommitInfo(commit.name(), commit.getShortMessage(), message, author.getName(),
                author.getEmailAddress(), author.getWhenAsInstant(), MergeRequestRef.fromCommitMessage(message));
    }

    /** Merge bases and missing commits in this repository (the promotion guard). */
    public pdmbot.world.Ancestry ancestry() {
        return new GitAncestry(repository, location);
    }

    /** Where the repository was opened from. */
    public Path location() {
        return location;
    }

    @Override
    public void close() {
        repository.close();
    }
}
