package pdmbot.world;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident open in the production tracker. {@code severity} is 1 (worst) to 4; {@code blocksDeployments} is
 * set when the incident is labelled as blocking deployments (GitLab: {@code blocks deployments}).
 */
public record Incident(String id, String title, int severity, boolean blocksDeployments, String url, Instant openedAt) {

    public Incident {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("incident id is required");
        Objects.requireNonNull(title, "title");
        if (severity < 1 || severity > 4) throw new IllegalArgumentException("severity is 1 to 4: " + severity);
        if (url == null) url = "";
        Objects.requireNonNull(openedAt, "openedAt");
    }
}
