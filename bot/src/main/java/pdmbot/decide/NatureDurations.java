package pdmbot.decide;

import pdmbot.durations.Prediction;
import pdmbot.durations.DurationPredictor;
import java.time.Duration;
import java.util.Map;
import pdmbot.world.PendingMigration;

/**
 * Durations when no history is known: one configured default per nature ({@code decide.default-minutes}). The learnt
 * predictor (durations from job traces) wraps this one for migrations it has no samples of.
 */
public final class NatureDurations implements DurationPredictor {

    private final Map<String, Integer> minutes;

    public NatureDurations(Map<String, Integer> minutes) {
        this.minutes = Map.copyOf(minutes);
    }

    @Override
    public Prediction predict(PendingMigration migration, String nature) {
        Integer m = minutes.get(nature);
        if (m == null) m = minutes.getOrDefault("unknown", 15);
        return new Prediction(Duration.ofMinutes(m), 0, "default for " + nature + ", no history");
    }
}
