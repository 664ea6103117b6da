package pdmbot.durations;

import pdmbot.domain.Environment;
import pdmbot.domain.PostMigration;

/** The profile of a migration as the package on an environment has its file. */
@FunctionalInterface
public interface MigrationProfiles {

    MigrationProfile of(Environment environment, PostMigration migration);
}
