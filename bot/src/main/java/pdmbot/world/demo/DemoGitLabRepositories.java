package pdmbot.world.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import pdmbot.world.AutoDeployPackage;

/**
 * The demo history as GitLab.com lays it out (gitlab-facts §3, release-tools {@code auto_deploy/naming.rb},
 * {@code tagger/omnibus.rb}): the rails code on canonical {@code master} with no package tags; the same history on
 * security plus one auto-deploy branch per package ({@code 16-7-auto-deploy-2023110920}); the omnibus security
 * project with one commit per package writing {@code VERSION} and an annotated tag
 * {@code M.m.YYYYMMDDHHMM+<rails 11>.<omnibus 11>} worded "Auto-deploy Omnibus …\n\nVERSION: …".
 */
final class DemoGitLabRepositories {

    /** One package as GitLab.com records it: the rails package, its branch, its omnibus tag and sha. */
    record SeededPackage(AutoDeployPackage rails, String branch, String omnibusTag, String omnibusSha, Instant builtAt) {
        /** The version users see: the tag with '+' turned into '-' (release-tools Tag#omnibus_package). */
        String version() {
            return omnibusTag.replace('+', '-');
        }
    }

    private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TAG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final PersonIdent RELEASE_TOOLS = new PersonIdent("GitLab Release Tools Bot", "delivery-team+release-tools@gitlab.com");

    private DemoGitLabRepositories() {
    }

    /** The canonical repository: the demo history without its package tags (no tag is created in a rails project). */
    static List<AutoDeployPackage> writeCanonical(Path directory, DemoPlan plan) throws IOException, GitAPIException {
        List<AutoDeployPackage> packages = DemoRepositoryWriter.write(directory, plan);
        try (Git git = Git.open(directory.toFile())) {
            for (AutoDeployPackage p : packages) delete(git.getRepository(), p.refName());
        }
        return packages;
    }

    /** The security repository: a clone of canonical with an auto-deploy branch at each package's commit. */
    static List<String> writeSecurity(Path directory, Path canonical, List<AutoDeployPackage> packages) throws IOException, GitAPIException {
        List<String> branches = new ArrayList<>();
        try (Git git = Git.cloneRepository().setURI(canonical.toUri().toString()).setDirectory(directory.toFile()).call()) {
            for (AutoDeployPackage p : packages) {
                String branch = branchOf(p);
                point(git.getRepository(), Constants.R_HEADS + branch, ObjectId.fromString(p.commitSha()));
                branches.add(branch);
            }
        }
        return branches;
    }

    static String branchOf(AutoDeployPackage p) {
        return p.version().major() + "-" + p.version().minor() + "-auto-deploy-" + BRANCH_TIME.format(p.version().builtAt());
    }

    /** The omnibus security repository, one VERSION commit and one annotated package tag per package. */
    static List<SeededPackage> writeOmnibus(Path directory, List<AutoDeployPackage> packages, List<String> branches)
            throws IOException, GitAPIException {
        List<SeededPackage> seeded = new ArrayList<>();
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("master").call();
             ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            Repository repo = git.getRepository();
            ObjectId parent = null;
            for (int i = 0; i < packages.size(); i++) {
                AutoDeployPackage p = packages.get(i);
                Instant built = p.version().builtAt();
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, (p.commitSha() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                org.eclipse.jgit.lib.TreeFormatter tree = new org.eclipse.jgit.lib.TreeFormatter();
                tree.append("VERSION", org.eclipse.jgit.lib.FileMode.REGULAR_FILE, blob);
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(inserter.insert(tree));
                if (parent != null) commit.setParentId(parent);
                PersonIdent at = new PersonIdent(RELEASE_TOOLS, built.minus(Duration.ofMinutes(5)), ZoneOffset.UTC);
                commit.setAuthor(at);
                commit.setCommitter(at);
                commit.setMessage("Update VERSION to " + p.commitSha() + "\n\n[ci skip]\n");
                ObjectId omnibus = inserter.insert(commit);
                parent = omnibus;
                String tag = p.version().major() + "." + p.version().minor() + "." + TAG_TIME.format(built) + "+"
                        + p.commitSha().substring(0, 11) + "." + omnibus.name().substring(0, 11);
                TagBuilder annotated = new TagBuilder();
                annotated.setTag(tag);
                annotated.setObjectId(omnibus, Constants.OBJ_COMMIT);
                annotated.setTagger(new PersonIdent(RELEASE_TOOLS, built, ZoneOffset.UTC));
                annotated.setMessage("Auto-deploy Omnibus " + tag + "\n\nVERSION: " + p.commitSha()
                        + "\nGITALY_SERVER_VERSION: " + p.commitSha() + "\n");
                ObjectId tagId = inserter.insert(annotated);
                inserter.flush();
                point(repo, Constants.R_TAGS + tag, tagId);
                seeded.add(new SeededPackage(p, branches.get(i), tag, omnibus.name(), built));
            }
            if (parent != null) point(repo, Constants.R_HEADS + "master", parent);
        }
        return seeded;
    }

    /** The squashed merge request commits of canonical master, oldest first (the plan's commits in order). */
    static List<RevCommit> history(Path canonical) throws IOException {
        try (Repository repo = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setWorkTree(canonical.toFile()).build();
             RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/master")));
            walk.sort(org.eclipse.jgit.revwalk.RevSort.REVERSE);
            List<RevCommit> all = new ArrayList<>();
            for (RevCommit c : walk) all.add(c);
            return all;
        }
    }

    /** A repository with one commit, for projects that only hold issues or pipelines. */
    static void writeSingleCommit(Path directory, String file, String content, Instant at) throws GitAPIException, IOException {
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("master").call()) {
            java.nio.file.Files.writeString(directory.resolve(file), content);
            git.add().addFilepattern(file).call();
            PersonIdent who = new PersonIdent(RELEASE_TOOLS, at, ZoneOffset.UTC);
            git.commit().setMessage("Add " + file).setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    private static void point(Repository repo, String ref, ObjectId target) throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setNewObjectId(target);
        update.setForceUpdate(true);
        RefUpdate.Result r = update.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE)
            throw new IOException("cannot point " + ref + " at " + target.name() + ": " + r);
    }

    private static void delete(Repository repo, String ref) throws IOException {
        RefUpdate update = repo.updateRef(ref);
        update.setForceUpdate(true);
        RefUpdate.Result r = update.delete();
        if (r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE)
            throw new IOException("cannot delete " + ref + ": " + r);
    }
}
