package pdmbot.rules.decide;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every group's decision at one moment, and the refusals of an {@code --only} subset (empty without one). */
public record DecisionReport(List<Decision> decisions, List<SubsetRefusal> refusals) {

    public DecisionReport {
        decisions = decisions.stream().sorted(Comparator.comparing(Decision::group)).toList();
        refusals = refusals.stream().sorted(Comparator.comparing(SubsetRefusal::environment)
                .thenComparing(SubsetRefusal::version).thenComparing(SubsetRefusal::earlier)
                .thenComparing(SubsetRefusal::table)).toList();
    }

    public Optional<Decision> of(String group) {
        return decisions.stream().filter(d -> d.group().equals(group)).findFirst();
    }
}
