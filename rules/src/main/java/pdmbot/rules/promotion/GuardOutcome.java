package pdmbot.rules.promotion;

import java.util.Objects;

/** One conclusion of the promotion guards: which guard, its verdict, why, and the rule that concluded it. */
public record GuardOutcome(String guard, GuardVerdict verdict, String reason, String rule) {

    public GuardOutcome {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
