package pdmbot.world;

import java.time.Instant;
import java.util.Objects;

/**
 * A production change request. {@code criticality} is 1 (C1, riskiest) to 4 (C4); {@code inProgress} when it is
 * being carried out now (GitLab: label {@code change::in-progress}); {@code blocksDeployments} when it is labelled
 * as blocking deployments.
 */
public record ChangeRequest(String id, String title, int criticality, boolean inProgress, boolean blocksDeployments,
                            String url, Instant openedAt) {

    public ChangeRequest {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("change request id is required");
        Objects.requireNonNull(title, "title");
        if (criticality < 1 || criticality > 4) throw new IllegalArgumentException("criticality is 1 to 4: " + criticality);
        if (url == null) url = "";
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
