package pdmbot.world;

import java.util.Objects;
import pdmbot.domain.PostMigration;

/**
 * A post-deploy migration file a package added, modified or removed compared with the package before it.
 *
 * @param lastCommitSha the newest commit of the range that touched the file
 * @param contentSha256 hex SHA-256 of the file in the package (of the previous content when removed)
 */
public record MigrationChange(Kind kind, PostMigration migration, String lastCommitSha, String contentSha256) {

    public enum Kind { ADDED, MODIFIED, REMOVED }

    public MigrationChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(migration, "migration");
        if (lastCommitSha == null || !lastCommitSha.matches("[0-9a-f]{40}"))
            throw new IllegalArgumentException("a commit sha has 40 hex characters: " + lastCommitSha);
        if (contentSha256 == null || !contentSha256.matches("[0-9a-f]{64}"))
            throw new IllegalArgumentException("a SHA-256 has 64 hex characters: " + contentSha256);
    }

    public String path() {
        return migration.path();
    }
}
