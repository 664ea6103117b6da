package pdmbot.world.gitlab;

import java.util.Map;
import pdmbot.domain.Environment;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;
import pdmbot.world.QaPipelines;

/** The QA smoke pipeline on GitLab, told its environment as {@code QA_ENVIRONMENT}. */
public final class GitLabQaPipelines implements QaPipelines {

    private final GitLabPipelines pipelines;

    GitLabQaPipelines(GitLabPipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public PipelineHandle startQa(Environment environment, String effectKey) {
        return on(environment).start(Map.of("QA_ENVIRONMENT", environment.id()), effectKey);
    }

    @Override
    public PipelineStatus status(Environment environment, PipelineHandle pipeline) {
        return on(environment).status(pipeline);
    }

    /** The environment's own QA project ({@code run.environments[].qa-pipeline}) on the same ref, else the configured one. */
    private GitLabPipelines on(Environment environment) {
        return environment.qaPipeline().map(project -> pipelines.on(project, pipelines.ref())).orElse(pipelines);
    }

    @Override
    public PipelineStatus status(PipelineHandle pipeline) {
        return pipelines.status(pipeline);
    }
}
