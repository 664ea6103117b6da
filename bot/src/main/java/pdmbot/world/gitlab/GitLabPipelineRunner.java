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
    private final String onlyVariable;

    GitLabPipelineRunner(GitLabPipelines pipelines) {
        this(pipelines, GitLabSettings.Pipelines.ONLY_VARIABLE);
    }

    /** {@code onlyVariable}: the variable that limits the pipeline to some versions (this project's convention). */
    GitLabPipelineRunner(GitLabPipelines pipelines, String onlyVariable) {
        this.pipelines = pipelines;
        this.onlyVariable = onlyVariable;
    }

    @Override
    public PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables,
                                                    String effectKey) {
        DatabaseState.requireDatabaseEnvironment(environment);
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.putIfAbsent("DEPLOY_ENVIRONMENT", environment.deployEnvironment());
        return pipelines.start(all, effectKey);
    }

    /**
     * A run of a subset: the versions go to the deployer as {@code onlyVariable}, comma-separated in version order
     * ({@code PDM_MIGRATION_VERSIONS=20231106180117,20231107035713}). GitLab's PDM pipeline has no such input; this
     * is this project's convention (GitLabSettings.Pipelines), for a deployer that runs {@code db:migrate:up VERSION=}
     * for each (gitlabhq lib/tasks/gitlab/db.rake, {@code db:migrate:up_all}).
     */
    @Override
    public PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables,
                                                    java.util.Set<String> versions, String effectKey) {
        if (versions.isEmpty()) return startPostDeployMigrations(environment, variables, effectKey);
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.put(onlyVariable, String.join(",", new java.util.TreeSet<>(versions)));
        return startPostDeployMigrations(environment, all, effectKey);
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
