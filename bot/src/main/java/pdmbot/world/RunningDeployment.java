package pdmbot.world;

import java.time.Instant;
import java.util.Objects;
import pdmbot.domain.Environment;

/**
 * A deployment pipeline in progress on an environment (canaries included): which package, which pipeline,
 * since when. {@code pipelineUrl} may be empty where the world has no link.
 */
public record RunningDeployment(Environment environment, String packageVersion, String pipeline, String pipelineUrl,
                                Instant startedAt) {

    public RunningDeployment {
        Objects.requireNonNull(environment, "environment");
        if (packageVersion == null || packageVersion.isBlank()) throw new IllegalArgumentException("package version is required");
        if (pipeline == null || pipeline.isBlank()) throw new IllegalArgumentException("pipeline is required");
        if (pipelineUrl == null) pipelineUrl = "";
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Whether it deploys to staging (gstg, gstg-cny) rather than production. */
    public boolean isStaging() {
        return !environment.isProduction();
    }
}
