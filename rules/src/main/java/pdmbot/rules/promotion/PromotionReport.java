package pdmbot.rules.promotion;

import java.util.Comparator;
import java.util.List;

/** Every guard's outcomes, in guard order; the promotion may go when no guard refuses it. */
public record PromotionReport(List<GuardOutcome> outcomes) {

    /** The guards, in the order they are shown. */
    public static final List<String> GUARDS = List.of("order", "descendant of production", "rollback line", "pdm run",
            "environment lock", "deployments", "incidents", "change requests", "change lock", "override");

    public PromotionReport {
        outcomes = outcomes.stream()
                .sorted(Comparator.comparingInt((GuardOutcome o) -> order(o.guard()))
                        .thenComparing(GuardOutcome::verdict, Comparator.reverseOrder())
                        .thenComparing(GuardOutcome::reason))
                .toList();
    }

    private static int order(String guard) {
        int i = GUARDS.indexOf(guard);
        return i < 0 ? GUARDS.size() : i;
    }

    public boolean allowsThePromotion() {
        return refusals().isEmpty();
    }

    public List<GuardOutcome> refusals() {
        return withVerdict(GuardVerdict.REFUSE);
    }

    public List<GuardOutcome> withVerdict(GuardVerdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).toList();
    }

    /** The outcomes of one guard. */
    public List<GuardOutcome> of(String guard) {
        return outcomes.stream().filter(o -> o.guard().equals(guard)).toList();
    }
}
