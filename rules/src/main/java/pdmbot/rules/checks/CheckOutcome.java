package pdmbot.rules.checks;

import java.util.Objects;

/** One conclusion of the production checks: which check, its verdict, why, and the rule that concluded it. */
public record CheckOutcome(String check, Verdict verdict, String reason, String rule) {

    public CheckOutcome {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
