package pdmbot.rules.decide;

import java.util.List;
import java.util.Objects;

/** A group's decision with every reason the rules gave for it, blocking ones first. */
public record Decision(String group, DecisionKind kind, String rule, List<DecisionReason> reasons) {

    public Decision {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        reasons = List.copyOf(reasons);
    }

    public List<DecisionReason> withEffect(Effect effect) {
        return reasons.stream().filter(r -> r.effect() == effect).toList();
    }

    /** The reasons that make the decision what it is: blockers when blocked, holds when waiting, allowances otherwise. */
    public List<DecisionReason> deciding() {
        return switch (kind) {
            case BLOCKED -> withEffect(Effect.BLOCK);
            case WAIT_UNTIL -> withEffect(Effect.HOLD).isEmpty() ? reasons.stream().filter(r -> r.effect() != Effect.NOTE).toList()
                    : withEffect(Effect.HOLD);
            case RUN_NOW -> withEffect(Effect.ALLOW);
        };
    }
}
