package pdmbot.storage.promotions;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One promotion as recorded: what went to which environment, who asked, whether it was a rollback or overrode the
 * production checks (with the reason), the deploy pipeline once started, and how it ended.
 */
public record Promotion(long id, String environment, String candidate, String sha, String requestedBy,
                        PromotionState state, boolean rollback, Optional<String> overrideReason,
                        Optional<String> pipelineId, Optional<String> pipelineUrl, Instant startedAt,
                        Optional<Instant> finishedAt, Optional<String> outcome) {

    public Promotion {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(overrideReason, "overrideReason");
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(pipelineUrl, "pipelineUrl");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean isDeploying() {
        return state == PromotionState.DEPLOYING;
    }
}
