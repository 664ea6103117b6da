package pdmbot.world.git;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import pdmbot.domain.PostMigration;
import pdmbot.world.MigrationChange;

/**
 * Diffs two package commits under {@code db/post_migrate/} and finds, for each changed file, the newest commit
 * of the range that touched it. Streams trees and blobs, so memory grows with the number of changed migration
 * files, not with the size of the diff.
 */
final class PostMigrationDiff {

    private static final String DIRECTORY = PostMigration.DIRECTORY.substring(0, PostMigration.DIRECTORY.length() - 1);

    private record ChangedFile(MigrationChange.Kind kind, ObjectId blob) {
    }

    private PostMigrationDiff() {
    }

    /** Changes from {@code older} (or an empty tree) to {@code newer}, ordered by path. */
    static List<MigrationChange> between(ObjectReader reader, RevCommit newer, Optional<RevCommit> older)
            throws IOException {
        Map<String, ChangedFile> changed = changedFiles(reader, newer, older);
        if (changed.isEmpty()) return List.of();
        Map<String, String> lastCommits = lastTouchingCommits(reader, newer, older, changed.keySet());
        List<MigrationChange> changes = new ArrayList<>(changed.size());
        for (Map.Entry<String, ChangedFile> e : changed.entrySet()) {
            PostMigration migration = PostMigration.fromPath(e.getKey()).orElseThrow();
            changes.add(new MigrationChange(e.getValue().kind(), migration,
                    lastCommits.getOrDefault(e.getKey(), newer.name()), sha256(reader, e.getValue().blob())));
        }
        return changes;
    }

    private static Map<String, ChangedFile> changedFiles(ObjectReader reader, RevCommit newer,
                                                         Optional<RevCommit> older) throws IOException {
        Map<String, ChangedFile> changed = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            if (older.isPresent()) walk.addTree(older.get().getTree());
            else walk.addTree(new EmptyTreeIterator());
            walk.addTree(newer.getTree());
            walk.setFilter(AndTreeFilter.create(PathFilter.create(DIRECTORY), TreeFilter.ANY_DIFF));
            while (walk.next()) {
                String path = walk.getPathString();
                if (!PostMigration.isPostDeployPath(path)) continue;
                boolean before = isFile(walk.getFileMode(0));
                boolean after = isFile(walk.getFileMode(1));
                if (!before && after) changed.put(path, new ChangedFile(MigrationChange.Kind.ADDED, walk.getObjectId(1)));
                else if (before && !after) changed.put(path, new ChangedFile(MigrationChange.Kind.REMOVED, walk.getObjectId(0)));
                else if (before) changed.put(path, new ChangedFile(MigrationChange.Kind.MODIFIED, walk.getObjectId(1)));
            }
        }
        return changed;
    }

    private static boolean isFile(FileMode mode) {
        return mode.getObjectType() == Constants.OBJ_BLOB;
    }

    private static Map<String, String> lastTouchingCommits(ObjectReader reader, RevCommit newer,
                                                           Optional<RevCommit> older, Set<String> paths)
            throws IOException {
        Map<String, String> last = new HashMap<>();
        Set<String> remaining = new HashSet<>(paths);
        try (RevWalk walk = new RevWalk(reader); RevWalk plain = new RevWalk(reader)) {
            walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            walk.markStart(walk.parseCommit(newer));
            if (older.isPresent()) walk.markUninteresting(walk.parseCommit(older.get()));
            for (RevCommit candidate : walk) {
                // the filtered walk rewrites parents; compare with the commit's real first parent
                RevCommit commit = plain.parseCommit(candidate);
                for (String path : touchedBy(reader, plain, commit, remaining)) {
                    last.put(path, commit.name());
                    remaining.remove(path);
                }
                if (remaining.isEmpty()) break;
            }
        }
        return last;
    }

    private static List<String> touchedBy(ObjectReader reader, RevWalk plain, RevCommit commit, Set<String> paths)
            throws IOException {
        List<String> touched = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            if (commit.getParentCount() > 0) walk.addTree(plain.parseCommit(commit.getParent(0)).getTree());
            else walk.addTree(new EmptyTreeIterator());
            walk.addTree(commit.getTree());
            walk.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            while (walk.next()) touched.add(walk.getPathString());
        }
        return touched;
    }

    private static String sha256(ObjectReader reader, ObjectId blob) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
        byte[] buffer = new byte[8192];
        try (InputStream in = reader.open(blob, Constants.OBJ_BLOB).openStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
