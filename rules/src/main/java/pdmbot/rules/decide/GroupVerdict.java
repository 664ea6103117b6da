package pdmbot.rules.decide;

import java.util.Objects;

/** A group's conclusion as the rules drew it; the reasons come separately ({@link DecisionReason}). */
public record GroupVerdict(String group, DecisionKind kind, String rule) {

    public GroupVerdict {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
    }
}
