package pdmbot.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PendingMigration;

/**
 * How long the run's migrations are expected to take, and what their pipelines' job logs said they took (implemented by
 * {@code pdmbot.durations.MigrationDurations}; the run knows only this port).
 */
public interface MigrationTimes {

    /** An expected duration with the number of past runs it rests on and a basis a user can read. */
    record Estimate(Duration expected, int samples, String basis) {
        public Estimate {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(basis, "basis");
        }
    }

    Estimate estimate(Environment environment, LogicalDatabase database, PostMigration migration);

    /** Keeps what a pipeline's job logs said of the migrations planned on it; returns how many were kept. */
    int learn(Environment environment, List<PendingMigration> planned, List<MigrationTiming> timings, String source);

    /** Without history or learning: every migration is expected to take {@link #UNKNOWN_MINUTES} minutes. */
    MigrationTimes NONE = new MigrationTimes() {
        @Override
        public Estimate estimate(Environment environment, LogicalDatabase database, PostMigration migration) {
            return new Estimate(Duration.ofMinutes(UNKNOWN_MINUTES), 0, "no history kept");
        }

        @Override
        public int learn(Environment environment, List<PendingMigration> planned, List<MigrationTiming> timings, String source) {
            return 0;
        }
    };

    int UNKNOWN_MINUTES = 10;
}
