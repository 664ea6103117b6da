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

    /**
     * Each environment's deploy pipeline (issue 16), on the instance and with the token of this runner (the ops
     * instance on GitLab.com).
     */
    public pdmbot.world.DeployPipelines deployPipelines(Map<String, GitLabDeployPipelines.Pipeline> byEnvironment) {
        return new GitLabDeployPipelines(byEnvironment, pipelines::on);
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
