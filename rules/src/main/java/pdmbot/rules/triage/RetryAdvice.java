package pdmbot.rules.triage;

import java.util.Objects;

/** A conclusion of {@code triage.drl} on retrying: how safe, what to do first, why, and the rule that said so. */
public record RetryAdvice(RetrySafety safety, String advice, String reason, String rule) implements TriageConclusion {

    public RetryAdvice {
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
