package pdmbot.world.gitlab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import pdmbot.world.DeployPipelines;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/**
 * Each environment's deploy pipeline on GitLab (the deployer, on the ops instance when one is configured): started
 * with {@code POST /projects/:id/pipeline} and the variables {@code DEPLOY_ENVIRONMENT} and {@code DEPLOY_VERSION}
 * (the deployer's trigger variables, gitlab-facts §7) and the caller's; the start is de-duplicated by its effect key
 * as every pipeline the bot starts ({@link GitLabPipelines}).
 */
public final class GitLabDeployPipelines implements DeployPipelines {

    /** Where an environment's deploy pipeline runs: the project and ref it is created on. */
    public record Pipeline(String project, String ref) {
        public Pipeline {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(ref, "ref");
        }
    }

    private final Map<String, Pipeline> byEnvironment;
    private final BiFunction<String, String, GitLabPipelines> pipelinesOn;
    private final Map<Pipeline, GitLabPipelines> opened = new java.util.concurrent.ConcurrentHashMap<>();

    GitLabDeployPipelines(Map<String, Pipeline> byEnvironment, BiFunction<String, String, GitLabPipelines> pipelinesOn) {
        this.byEnvironment = Map.copyOf(byEnvironment);
        this.pipelinesOn = pipelinesOn;
    }

    private GitLabPipelines on(Pipeline p) {
        return opened.computeIfAbsent(p, x -> pipelinesOn.apply(x.project(), x.ref()));
    }

    private Pipeline of(String environment) {
        Pipeline p = byEnvironment.get(environment);
        if (p == null) throw new IllegalArgumentException("no deploy pipeline is configured for " + environment);
        return p;
    }

    @Override
    public PipelineHandle start(String environment, String version, Map<String, String> variables, String effectKey) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("DEPLOY_ENVIRONMENT", environment);
        all.put("DEPLOY_VERSION", version);
        all.putAll(variables);
        return on(of(environment)).start(all, effectKey);
    }

    @Override
    public PipelineStatus status(String environment, PipelineHandle pipeline) {
        return on(of(environment)).status(pipeline);
    }
}
