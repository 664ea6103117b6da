package pdmbot.ledger;

import java.util.Set;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;

/** The nature and databases of a migration, as the classifier decided them; for tables and status. */
public interface MigrationNatures {

    record Summary(String nature, Set<LogicalDatabase> databases) {
    }

    Summary of(PostMigration migration);
}
