package pdmbot.rules.decide;

import java.util.Objects;

/** Why a group's decision is what it is: the rule that concluded it and the facts it used, as one readable line. */
public record DecisionReason(String group, Effect effect, String rule, String facts) {

    public DecisionReason {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(rule, "rule");
        facts = facts == null ? "" : facts;
    }

    /** {@code rule: facts}, as the commands show it. */
    public String line() {
        return rule + ": " + facts;
    }
}
