package pdmbot.world.gitlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import pdmbot.domain.PostMigration;
import pdmbot.world.MigrationChange;

/**
 * The post-deploy migration files one package commit added, modified or removed compared with another, from
 * GitLab's compare API; when GitLab truncated the compare, from the trees under {@code db/post_migrate} at both
 * commits. Any failed call fails the whole diff: a caller never sees a partial list.
 */
final class PostMigrationChanges {

    private final GitLabRepository repository;

    PostMigrationChanges(GitLabRepository repository) {
        this.repository = repository;
    }

    private record Change(MigrationChange.Kind kind, String contentSha, Optional<String> blobId) {
    }

    /** Ordered by path. */
    List<MigrationChange> between(String newer, Optional<String> older) {
        // consecutive packages often share their rails commit (an omnibus-only change): nothing to ask GitLab
        if (older.isPresent() && older.get().equals(newer)) return List.of();
        Map<String, Change> changed = older.isEmpty() ? fromTrees(newer, Optional.empty())
                : fromCompare(newer, older.get());
        List<MigrationChange> result = new ArrayList<>(changed.size());
        for (Map.Entry<String, Change> e : changed.entrySet()) {
            String path = e.getKey();
            Change change = e.getValue();
            String hash = change.blobId().isPresent() ? repository.sha256OfBlob(change.blobId().get())
                    : repository.sha256OfFile(change.contentSha(), path);
            PostMigration migration = PostMigration.fromPath(path).orElseThrow();
            result.add(new MigrationChange(change.kind(), migration, repository.lastCommitTouching(newer, path), hash));
        }
        return List.copyOf(result);
    }

    private Map<String, Change> fromCompare(String newer, String older) {
        CompareStream.Result compare = repository.compare(older, newer);
        if (compare.truncated()) return fromTrees(newer, Optional.of(older));
        Map<String, Change> changed = new TreeMap<>();
        for (CompareStream.FileDiff diff : compare.postMigrateDiffs()) {
            boolean oldIsMigration = PostMigration.isPostDeployPath(diff.oldPath());
            boolean newIsMigration = PostMigration.isPostDeployPath(diff.newPath());
            if (diff.newFile()) {
                if (newIsMigration) changed.put(diff.newPath(), new Change(MigrationChange.Kind.ADDED, newer, Optional.empty()));
            } else if (diff.deletedFile()) {
                if (oldIsMigration) changed.put(diff.oldPath(), new Change(MigrationChange.Kind.REMOVED, older, Optional.empty()));
            } else if (diff.renamedFile()) {
                if (oldIsMigration) changed.put(diff.oldPath(), new Change(MigrationChange.Kind.REMOVED, older, Optional.empty()));
                if (newIsMigration) changed.put(diff.newPath(), new Change(MigrationChange.Kind.ADDED, newer, Optional.empty()));
            } else if (newIsMigration) {
                changed.put(diff.newPath(), new Change(MigrationChange.Kind.MODIFIED, newer, Optional.empty()));
            }
        }
        return changed;
    }

    /** Added: only in the newer tree; removed: only in the older; modified: in both with another blob. */
    private Map<String, Change> fromTrees(String newer, Optional<String> older) {
        Map<String, String> after = repository.postMigrateTree(newer);
        Map<String, String> before = older.isPresent() ? repository.postMigrateTree(older.get()) : Map.of();
        Map<String, Change> changed = new TreeMap<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String was = before.get(e.getKey());
            if (was == null)
                changed.put(e.getKey(), new Change(MigrationChange.Kind.ADDED, newer, Optional.of(e.getValue())));
            else if (!was.equals(e.getValue()))
                changed.put(e.getKey(), new Change(MigrationChange.Kind.MODIFIED, newer, Optional.of(e.getValue())));
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!after.containsKey(e.getKey()))
                changed.put(e.getKey(), new Change(MigrationChange.Kind.REMOVED, older.orElseThrow(), Optional.of(e.getValue())));
        }
        return changed;
    }
}
