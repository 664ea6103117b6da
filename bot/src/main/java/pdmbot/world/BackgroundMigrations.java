package pdmbot.world;

import java.util.List;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/** Answers which batched background migrations an environment's database has, and in which state. */
@FunctionalInterface
public interface BackgroundMigrations {

    List<BatchedBackgroundMigration> on(Environment environment, LogicalDatabase database);

    /** A world that cannot tell: none are listed. */
    BackgroundMigrations NONE = (environment, database) -> List.of();
}
