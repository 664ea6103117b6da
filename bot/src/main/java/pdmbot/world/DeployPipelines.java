package pdmbot.world;

import java.util.Map;

/**
 * Runs an environment's deploy pipeline (issue 16; on GitLab.com: the deployer on the ops instance, started with
 * {@code DEPLOY_ENVIRONMENT} and {@code DEPLOY_VERSION}).
 */
public interface DeployPipelines {

    /**
     * Starts the deploy of {@code version} (a package version, or a sha where the chain deploys commits) to
     * {@code environment} with these variables. Calling again with the same {@code effectKey} returns the pipeline
     * already started. Throws a {@link WorldException} subclass when it cannot be started.
     */
    PipelineHandle start(String environment, String version, Map<String, String> variables, String effectKey);

    /** Where the environment's pipeline is now. */
    PipelineStatus status(String environment, PipelineHandle pipeline);
}
