package pdmbot.pending;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;

/**
 * One post-deploy migration pending on one environment's database, with its classified nature and since when it is
 * pending: the build time of the package that introduced it (the earliest it could have been deployed), when known.
 */
public record PendingItem(Environment environment, LogicalDatabase database, PostMigration migration, String nature,
                          Optional<Instant> pendingSince) {

    public PendingItem {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(pendingSince, "pendingSince");
    }
}
