package pdmbot.world.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.demo.DemoPlan.PlannedCommit;
import pdmbot.world.demo.DemoPlan.PlannedPackage;

/**
 * Writes a {@link DemoPlan} as a real git repository: objects straight through an inserter (no working tree
 * round-trips), one lightweight tag per package named after its version, {@code master} at the last commit,
 * then a checkout so the directory is browsable. Every identity and time comes from the plan, so the same plan
 * always yields the same shas.
 */
final class DemoRepositoryWriter {

    private static final String BRANCH = "master";
    /**
     * A branch that diverged from the history (issue 16): one hotfix commit on the package {@link #DIVERGES_AT}, made
     * after production's package was built, so it does not descend from what production runs and a promotion of it to
     * gprd is refused. Not a package ref: the demo keeps its 36 packages.
     */
    static final String DIVERGED_BRANCH = Constants.R_HEADS + "hotfix/api-cache-warmer";
    static final int DIVERGES_AT = DemoStatePlanner.GPRD - 2;
    static final String DIVERGED_TITLE = "Hotfix: skip the API cache warmer on boot";

    private DemoRepositoryWriter() {
    }

    static List<AutoDeployPackage> write(Path directory, DemoPlan plan) throws IOException, GitAPIException {
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch(BRANCH).call()) {
            Repository repository = git.getRepository();
            List<AutoDeployPackage> packages = new ArrayList<>();
            Map<String, ObjectId> tree = new TreeMap<>();
            ObjectId head = null;
            ObjectId diverged = null;
            // one pack instead of hundreds of loose objects: generation is dominated by file writes otherwise
            try (ObjectInserter inserter = packInserter(repository)) {
                for (PlannedPackage planned : plan.packages()) {
                    for (PlannedCommit commit : planned.commits()) head = commit(inserter, tree, head, commit);
                    PackageVersion version = new PackageVersion(planned.major(), planned.minor(), planned.builtAt(),
                            head.name().substring(0, 11), planned.packagingSha());
                    packages.add(new AutoDeployPackage(version, head.name(), Constants.R_TAGS + version));
                    if (planned.index() == DIVERGES_AT && plan.packages().size() > DemoStatePlanner.GPRD)
                        diverged = divergedCommit(inserter, new TreeMap<>(tree), head, plan.packages().get(DemoStatePlanner.GPRD));
                }
                inserter.flush();
            }
            for (AutoDeployPackage pkg : packages) updateRef(repository, pkg.refName(), ObjectId.fromString(pkg.commitSha()));
            updateRef(repository, Constants.R_HEADS + BRANCH, head);
            if (diverged != null) updateRef(repository, DIVERGED_BRANCH, diverged);
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(BRANCH).call();
            return packages;
        }
    }

    /** The hotfix commit of {@link #DIVERGED_BRANCH}: on {@code parent}, an hour after {@code production} was built. */
    private static ObjectId divergedCommit(ObjectInserter inserter, Map<String, ObjectId> tree, ObjectId parent,
                                           PlannedPackage production) throws IOException {
        java.time.Instant at = production.builtAt().plus(java.time.Duration.ofHours(1));
        DemoPlan.Author author = new DemoPlan.Author("Farid Haddad", "fhaddad@example.com");
        PlannedCommit hotfix = new PlannedCommit(DIVERGED_TITLE, "Cut from an older package by mistake: it lacks what"
                + " production runs now.", 199_001, author, at, at,
                Map.of("config/initializers/api_cache_warmer.rb", "# Hotfix: the warmer is skipped on boot\n"
                        + "Gitlab::ApiCacheWarmer.enabled = false\n"), java.util.Set.of());
        return commit(inserter, tree, parent, hotfix);
    }

    private static ObjectInserter packInserter(Repository repository) {
        if (repository.getObjectDatabase() instanceof ObjectDirectory directory) {
            PackInserter inserter = directory.newPackInserter();
            inserter.checkExisting(false);
            return inserter;
        }
        return repository.newObjectInserter();
    }

    private static ObjectId commit(ObjectInserter inserter, Map<String, ObjectId> tree, ObjectId parent,
                                   PlannedCommit planned) throws IOException {
        for (String path : planned.deletes()) tree.remove(path);
        for (Map.Entry<String, String> file : new TreeMap<>(planned.writes()).entrySet())
            tree.put(file.getKey(), inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(writeTree(inserter, tree));
        if (parent != null) commit.setParentId(parent);
        commit.setAuthor(new PersonIdent(planned.author().name(), planned.author().email(), planned.authoredAt(), ZoneOffset.UTC));
        commit.setCommitter(new PersonIdent(planned.author().name(), planned.author().email(), planned.committedAt(), ZoneOffset.UTC));
        commit.setMessage(planned.message());
        commit.setEncoding(StandardCharsets.UTF_8);
        return inserter.insert(commit);
    }

    private static ObjectId writeTree(ObjectInserter inserter, Map<String, ObjectId> tree) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, ObjectId> file : tree.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(file.getValue());
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private static void updateRef(Repository repository, String name, ObjectId target) throws IOException {
        RefUpdate update = repository.updateRef(name);
        update.setNewObjectId(target);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE)
            throw new IOException("cannot point " + name + " at " + target.name() + ": " + result);
    }
}
