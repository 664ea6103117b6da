package pdmbot.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** A project's real git repository, read the way Gitaly answers GitLab's repository calls. */
final class ProjectRepository implements AutoCloseable {

    /** A tag: {@code target} is the tag object for annotated tags, the commit for lightweight ones. */
    record Tag(String name, String message, String target, RevCommit commit, Instant createdAt) {
    }

    record TreeEntry(String id, String name, String type, String path, String mode) {
    }

    record Blob(String id, byte[] content) {
    }

    record Diff(String oldPath, String newPath, String aMode, String bMode, boolean newFile, boolean renamedFile,
                boolean deletedFile, String diff) {
    }

    private final Repository repository;

    private ProjectRepository(Repository repository) {
        this.repository = repository;
    }

    static ProjectRepository open(Path directory) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = directory.resolve(".git");
        builder.setGitDir(dotGit.toFile().isDirectory() ? dotGit.toFile() : directory.toFile());
        return new ProjectRepository(builder.build());
    }

    Repository git() {
        return repository;
    }

    /**
     * {@code project.repository.commit(ref)}: a branch, a tag or a (short) sha; an ambiguous short sha or anything
     * else resolves to nothing, as Gitaly's FindCommit answers.
     */
    Optional<RevCommit> commit(String ref) {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) return Optional.empty();
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(ref);
            if (id == null) return Optional.empty();
            RevObject object = walk.peel(walk.parseAny(id));
            if (!(object instanceof RevCommit commit)) return Optional.empty();
            walk.parseBody(commit);
            return Optional.of(commit);
        } catch (AmbiguousObjectException | RevisionSyntaxException | MissingObjectException | IncorrectObjectTypeException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot resolve " + ref + ": " + e.getMessage(), e);
        }
    }

    boolean isBranch(String name) {
        return exactRef(Constants.R_HEADS + name) != null;
    }

    boolean isTag(String name) {
        return exactRef(Constants.R_TAGS + name) != null;
    }

    private Ref exactRef(String name) {
        try {
            return repository.exactRef(name);
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    List<Tag> tags() {
        try (RevWalk walk = new RevWalk(repository)) {
            List<Tag> tags = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                RevObject object = walk.parseAny(ref.getObjectId());
                String name = ref.getName().substring(Constants.R_TAGS.length());
                if (object instanceof RevTag tag) {
                    walk.parseBody(tag);
                    RevObject peeled = walk.peel(tag);
                    if (!(peeled instanceof RevCommit commit)) continue;
                    walk.parseBody(commit);
                    Instant created = tag.getTaggerIdent() == null ? null : tag.getTaggerIdent().getWhenAsInstant();
                    tags.add(new Tag(name, tag.getFullMessage().strip(), tag.name(), commit, created));
                } else if (object instanceof RevCommit commit) {
                    walk.parseBody(commit);
                    tags.add(new Tag(name, "", commit.name(), commit, null));
                }
            }
            return tags;
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot list tags: " + e.getMessage(), e);
        }
    }

    /** Branch or tag names whose history contains {@code commit}. */
    List<String> refsContaining(RevCommit commit, String prefix) {
        try (RevWalk walk = new RevWalk(repository)) {
            List<String> names = new ArrayList<>();
            RevCommit target = walk.parseCommit(commit);
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
                RevObject tip = walk.peel(walk.parseAny(ref.getObjectId()));
                if (tip instanceof RevCommit tipCommit && walk.isMergedInto(target, tipCommit))
                    names.add(ref.getName().substring(prefix.length()));
                walk.reset();
            }
            Collections.sort(names);
            return names;
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot list refs containing " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code git log <from> [-- path]}, newest first, {@code limit} commits after skipping {@code skip}. */
    List<RevCommit> log(RevCommit from, String path, int skip, int limit) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(from));
            if (path != null && !path.isBlank())
                walk.setTreeFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                        PathFilter.create(path.replaceAll("/+$", "")), org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
            List<RevCommit> commits = new ArrayList<>();
            int seen = 0;
            for (RevCommit c : walk) {
                if (seen++ < skip) continue;
                if (commits.size() >= limit) break;
                commits.add(c);
            }
            return commits;
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot walk the history: " + e.getMessage(), e);
        }
    }

    /** Commits reachable from {@code head} but not from {@code base}, oldest first ({@code git log base..head --reverse}). */
    List<RevCommit> between(RevCommit base, RevCommit head) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            if (base != null) walk.markUninteresting(walk.parseCommit(base));
            List<RevCommit> commits = new ArrayList<>();
            for (RevCommit c : walk) commits.add(c);
            Collections.reverse(commits);
            return commits;
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot list commits: " + e.getMessage(), e);
        }
    }

    Optional<RevCommit> mergeBase(List<RevCommit> commits) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            for (RevCommit c : commits) walk.markStart(walk.parseCommit(c));
            RevCommit base = walk.next();
            if (base == null) return Optional.empty();
            walk.parseBody(base);
            return Optional.of(base);
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot find a merge base: " + e.getMessage(), e);
        }
    }

    /** The diff from {@code from}'s tree to {@code to}'s, each patch from its first {@code @@} as GitLab exposes it. */
    List<Diff> diff(RevCommit from, RevCommit to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setRepository(repository);
            formatter.setDetectRenames(true);
            List<DiffEntry> entries = formatter.scan(from == null ? null : from.getTree(), to.getTree());
            List<Diff> diffs = new ArrayList<>();
            for (DiffEntry e : entries) {
                out.reset();
                formatter.format(e);
                String patch = out.toString(StandardCharsets.UTF_8);
                int hunk = patch.indexOf("@@");
                diffs.add(new Diff(e.getChangeType() == DiffEntry.ChangeType.ADD ? e.getNewPath() : e.getOldPath(),
                        e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath(),
                        mode(e.getOldMode().getBits()), mode(e.getNewMode().getBits()),
                        e.getChangeType() == DiffEntry.ChangeType.ADD, e.getChangeType() == DiffEntry.ChangeType.RENAME,
                        e.getChangeType() == DiffEntry.ChangeType.DELETE, hunk < 0 ? "" : patch.substring(hunk)));
            }
            return diffs;
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot diff: " + e.getMessage(), e);
        }
    }

    /** Lines added and removed by a commit against its first parent (CommitDetail's stats). */
    int[] stats(RevCommit commit) {
        try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE); RevWalk walk = new RevWalk(repository)) {
            formatter.setRepository(repository);
            RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            int added = 0, deleted = 0;
            for (DiffEntry e : formatter.scan(parent == null ? null : parent.getTree(), commit.getTree()))
                for (org.eclipse.jgit.diff.Edit edit : formatter.toFileHeader(e).toEditList()) {
                    added += edit.getLengthB();
                    deleted += edit.getLengthA();
                }
            return new int[]{added, deleted};
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot count changes: " + e.getMessage(), e);
        }
    }

    private static String mode(int bits) {
        return Integer.toOctalString(bits);
    }

    /** Entries under {@code path} (trees before blobs, by name), or empty when the path is not a folder of the commit. */
    Optional<List<TreeEntry>> tree(RevCommit commit, String path, boolean recursive) {
        String folder = path == null ? "" : path.replaceAll("^/+|/+$", "");
        ObjectId root = commit.getTree();
        if (!folder.isEmpty()) {
            try (TreeWalk find = TreeWalk.forPath(repository, folder, commit.getTree())) {
                if (find == null || !find.isSubtree()) return Optional.empty();
                root = find.getObjectId(0);
            } catch (IOException e) {
                throw new UnableToReadRepositoryException("cannot read the tree: " + e.getMessage(), e);
            }
        }
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(root);
            walk.setRecursive(false);
            List<TreeEntry> trees = new ArrayList<>();
            List<TreeEntry> blobs = new ArrayList<>();
            while (walk.next()) {
                String full = folder.isEmpty() ? walk.getPathString() : folder + "/" + walk.getPathString();
                boolean isTree = walk.isSubtree();
                TreeEntry entry = new TreeEntry(walk.getObjectId(0).name(), walk.getNameString(), isTree ? "tree" : "blob",
                        full, String.format("%06o", walk.getRawMode(0)));
                (isTree ? trees : blobs).add(entry);
                if (isTree && recursive) walk.enterSubtree();
            }
            List<TreeEntry> all = new ArrayList<>(trees);
            all.addAll(blobs);
            if (recursive) all.sort(java.util.Comparator.comparing(TreeEntry::path));
            return Optional.of(all);
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot read the tree: " + e.getMessage(), e);
        }
    }

    /** The blob with this id, or empty when the id names no blob ({@code Gitlab::Git::Blob.raw}). */
    Optional<Blob> blob(String sha) {
        if (sha == null || !sha.matches("[0-9a-fA-F]{40}")) return Optional.empty();
        try {
            ObjectId id = ObjectId.fromString(sha);
            if (!repository.getObjectDatabase().has(id)) return Optional.empty();
            var loader = repository.open(id);
            if (loader.getType() != Constants.OBJ_BLOB) return Optional.empty();
            return Optional.of(new Blob(id.name(), loader.getBytes()));
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot read blob " + sha + ": " + e.getMessage(), e);
        }
    }

    Optional<Blob> file(RevCommit commit, String path) {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null || walk.isSubtree()) return Optional.empty();
            ObjectId id = walk.getObjectId(0);
            return Optional.of(new Blob(id.name(), repository.open(id, Constants.OBJ_BLOB).getBytes()));
        } catch (IOException e) {
            throw new UnableToReadRepositoryException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
