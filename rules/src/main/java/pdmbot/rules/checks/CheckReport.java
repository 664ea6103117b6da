package pdmbot.rules.checks;

import java.util.Comparator;
import java.util.List;

/** Every check's outcomes, in check order, and the verdict of the whole: the most stopping one (fail over cancel). */
public record CheckReport(List<CheckOutcome> outcomes) {

    /** The checks, in the order they are shown. */
    public static final List<String> CHECKS = List.of("pending migrations", "staging deployments", "production deployments",
            "incidents", "change requests", "change lock", "environment locks");

    public CheckReport {
        outcomes = outcomes.stream()
                .sorted(Comparator.comparingInt((CheckOutcome o) -> order(o.check()))
                        .thenComparing(o -> o.verdict(), Comparator.reverseOrder())
                        .thenComparing(CheckOutcome::reason))
                .toList();
    }

    private static int order(String check) {
        int i = CHECKS.indexOf(check);
        return i < 0 ? CHECKS.size() : i;
    }

    public Verdict verdict() {
        return outcomes.stream().map(CheckOutcome::verdict).max(Comparator.naturalOrder()).orElse(Verdict.PASS);
    }

    public List<CheckOutcome> withVerdict(Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).toList();
    }

    /** The outcomes that stop the run (fail or cancel), or none. */
    public List<CheckOutcome> stoppers() {
        return outcomes.stream().filter(o -> !o.verdict().allowsTheRun()).toList();
    }
}
