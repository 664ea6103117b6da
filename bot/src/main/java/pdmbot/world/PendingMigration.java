package pdmbot.world;

import java.util.Objects;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;

/** A post-deploy migration deployed on an environment that has not yet run on one of its databases. */
public record PendingMigration(Environment environment, LogicalDatabase database, PostMigration migration) {

    public PendingMigration {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(migration, "migration");
    }
}
