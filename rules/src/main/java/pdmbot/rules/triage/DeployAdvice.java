package pdmbot.rules.triage;

import java.util.Objects;

/** A conclusion of {@code triage.drl} on blocking deploys while the migration is failed, by its nature. */
public record DeployAdvice(boolean block, String reason, String rule) implements TriageConclusion {

    public DeployAdvice {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
