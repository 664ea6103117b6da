package pdmbot.world;

import java.util.Map;
import pdmbot.domain.Environment;

/**
 * Runs the post-deploy migration pipeline of an environment (on GitLab: the deployer's PDM pipeline, which runs
 * {@code db:migrate} with post-deploy migrations on every logical database of the environment).
 */
public interface PipelineRunner {

    /**
     * Starts the PDM pipeline for gstg or gprd with the given variables. {@code effectKey} identifies this start
     * (run, step and attempt): calling again with the same key must return the pipeline already started, not
     * start another (the bot calls again after a crash between starting and recording). Throws an unchecked
     * {@link WorldException} subclass when the pipeline cannot be started.
     */
    PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables, String effectKey);

    /** Where the pipeline is now. Throws a {@link WorldException} subclass when it cannot be read. */
    PipelineStatus status(PipelineHandle pipeline);
}
