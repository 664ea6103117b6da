package pdmbot.world;

import java.util.Objects;

/**
 * The ports a PDM run talks to besides the {@link World}: what runs in production now, and the pipelines and
 * records a run starts and writes. One implementation set per world (demo/local, GitLab).
 */
public record Operations(RunningDeployments runningDeployments, Incidents incidents, ChangeRequests changeRequests,
                         PipelineRunner pipelines, QaPipelines qa, DeploymentRecords deploymentRecords,
                         MergeRequestUpdates mergeRequests) {

    public Operations {
        Objects.requireNonNull(runningDeployments, "runningDeployments");
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(changeRequests, "changeRequests");
        Objects.requireNonNull(pipelines, "pipelines");
        Objects.requireNonNull(qa, "qa");
        Objects.requireNonNull(deploymentRecords, "deploymentRecords");
        Objects.requireNonNull(mergeRequests, "mergeRequests");
    }
}
