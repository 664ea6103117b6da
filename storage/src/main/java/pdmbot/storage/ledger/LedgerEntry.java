package pdmbot.storage.ledger;

import java.util.Objects;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;

/** One row of the ledger: a package and what it changed about one migration. */
public record LedgerEntry(PackageVersion packageVersion, PostMigration migration, LedgerChange.Kind kind,
                          String commitSha, String contentHash) {
    public LedgerEntry {
        Objects.requireNonNull(packageVersion, "packageVersion");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(kind, "kind");
    }
}
