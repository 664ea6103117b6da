package pdmbot.decide;

import pdmbot.durations.Prediction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pdmbot.rules.decide.DecisionFacts;

/** A pending group with the facts the rules see of it and the prediction of each of its migrations (by version). */
public record GroupFacts(PendingGroup group, DecisionFacts.Group fact, List<DecisionFacts.Finalizes> finalizes,
                         Duration predicted, Map<String, Prediction> predictions) {

    public GroupFacts {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(fact, "fact");
        finalizes = List.copyOf(finalizes);
        Objects.requireNonNull(predicted, "predicted");
        predictions = Map.copyOf(predictions);
    }

    public String key() {
        return fact.key();
    }

    /** The smallest number of samples behind any of its migrations' predictions (0 = some rest on a default). */
    public int samples() {
        return predictions.values().stream().mapToInt(Prediction::samples).min().orElse(0);
    }
}
