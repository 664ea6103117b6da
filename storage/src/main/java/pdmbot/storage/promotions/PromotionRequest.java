package pdmbot.storage.promotions;

import java.util.Objects;
import java.util.Optional;

/** A promotion about to start: the environment, the candidate (package version or sha) and its full sha, who asks. */
public record PromotionRequest(String environment, String candidate, String sha, String requestedBy, boolean rollback,
                               Optional<String> overrideReason) {

    public PromotionRequest {
        if (environment == null || environment.isBlank() || environment.length() > 32)
            throw new IllegalArgumentException("an environment name has 1 to 32 characters: " + environment);
        if (candidate == null || candidate.isBlank() || candidate.length() > 64)
            throw new IllegalArgumentException("a candidate has 1 to 64 characters: " + candidate);
        if (sha == null || !sha.matches("[0-9a-f]{40}"))
            throw new IllegalArgumentException("a commit sha has 40 hex characters: " + sha);
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(overrideReason, "overrideReason");
    }
}
