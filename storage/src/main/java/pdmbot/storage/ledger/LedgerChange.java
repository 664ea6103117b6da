package pdmbot.storage.ledger;

import java.util.Objects;
import pdmbot.domain.PostMigration;

/**
 * What one package changed about one post-deploy migration, compared to the package before it.
 * A removed migration has no content, so its hash may be null.
 */
public record LedgerChange(PostMigration migration, Kind kind, String commitSha, String contentHash) {

    /** The three ways a package can touch a migration file. */
    public enum Kind {
        ADDED("added"), MODIFIED("modified"), REMOVED("removed");

        private final String column;

        Kind(String column) {
            this.column = column;
        }

        /** The value stored in {@code package_migrations.change}. */
        public String column() {
            return column;
        }

        public static Kind fromColumn(String value) {
            for (Kind k : values()) if (k.column.equals(value)) return k;
            throw new IllegalArgumentException("unknown ledger change: " + value);
        }
    }

    public LedgerChange {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.REMOVED && (contentHash == null || contentHash.isBlank()))
            throw new IllegalArgumentException("an " + kind.column() + " migration needs its content hash: " + migration.version());
    }

    public static LedgerChange added(PostMigration migration, String commitSha, String contentHash) {
        return new LedgerChange(migration, Kind.ADDED, commitSha, contentHash);
    }

    public static LedgerChange modified(PostMigration migration, String commitSha, String contentHash) {
        return new LedgerChange(migration, Kind.MODIFIED, commitSha, contentHash);
    }

    public static LedgerChange removed(PostMigration migration, String commitSha) {
        return new LedgerChange(migration, Kind.REMOVED, commitSha, null);
    }
}
