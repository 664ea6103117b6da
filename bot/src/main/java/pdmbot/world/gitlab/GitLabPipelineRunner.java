package pdmbot.world.gitlab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pdmbot.domain.Environment;
import pdmbot.world.DatabaseState;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineRunner;
import pdmbot.world.PipelineStatus;

/**
 * The post-deploy migration pipeline of the deployer project on GitLab; the environment goes to the pipeline as
 * {@code DEPLOY_ENVIRONMENT} unless the caller set it.
 */
public final class GitLabPipelineRunner implements PipelineRunner {

    private final GitLabPipelines pipelines;

    GitLabPipelineRunner(GitLabPipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables,
                                                    String effectKey) {
        DatabaseState.requireDatabaseEnvironment(environment);
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.putIfAbsent("DEPLOY_ENVIRONMENT", environment.id());
        return pipelines.start(all, effectKey);
    }

    @Override
    public PipelineStatus status(PipelineHandle pipeline) {
        return pipelines.status(pipeline);
    }

    @Override
    public List<MigrationTiming> migrationTimings(PipelineHandle pipeline) {
        return pipelines.migrationTimings(pipeline);
    }
}
