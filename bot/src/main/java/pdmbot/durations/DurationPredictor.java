package pdmbot.durations;

import pdmbot.world.PendingMigration;

/**
 * How long a pending post-deploy migration is expected to take on its database. The decisions read it
 * (is there time before the next deploy?), and so do {@code pdm schedule}, the dry run and the start
 * announcement.
 */
@FunctionalInterface
public interface DurationPredictor {

    /** The prediction for {@code migration}, whose classified nature is {@code nature} (wire name). */
    Prediction predict(PendingMigration migration, String nature);
}
