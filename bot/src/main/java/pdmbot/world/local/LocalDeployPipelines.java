package pdmbot.world.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DeployPipelines;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;
import pdmbot.world.RunningDeployment;

/**
 * The demo's deploy pipelines: a start is a running deployment of the simulated world (so the PDM checks see it
 * running, as they see GitLab's), and it finishes {@code duration} after it started, when someone asks where it is:
 * the package then runs on the environment. A second start while one runs on the environment returns that one.
 */
public final class LocalDeployPipelines implements DeployPipelines {

    private final LocalOperations operations;
    private final Function<String, Optional<AutoDeployPackage>> packageNamed;
    private final Clock clock;
    private final Duration duration;

    public LocalDeployPipelines(LocalOperations operations, Function<String, Optional<AutoDeployPackage>> packageNamed,
                               Clock clock, Duration duration) {
        this.operations = operations;
        this.packageNamed = packageNamed;
        this.clock = clock;
        this.duration = duration;
    }

    private static Environment environment(String name) {
        return Environment.byId(name).orElseThrow(() -> new IllegalArgumentException("the demo world has no environment "
                + name + "; its chain is gstg-cny, gstg, gprd-cny, gprd"));
    }

    @Override
    public PipelineHandle start(String environment, String version, Map<String, String> variables, String effectKey) {
        AutoDeployPackage pkg = packageNamed.apply(version).orElseThrow(() ->
                new IllegalArgumentException("the demo world has no package " + version));
        RunningDeployment running = operations.startDeployment(environment(environment), pkg);
        return new PipelineHandle(running.pipeline(), running.pipelineUrl());
    }

    @Override
    public synchronized PipelineStatus status(String environment, PipelineHandle pipeline) {
        Environment env = environment(environment);
        Optional<RunningDeployment> running = operations.running().stream()
                .filter(d -> d.environment() == env && d.pipeline().equals(pipeline.id())).findFirst();
        if (running.isEmpty()) return new PipelineStatus.Succeeded();
        if (clock.instant().isBefore(running.get().startedAt().plus(duration))) return new PipelineStatus.Running();
        operations.finishDeployment(env);
        return new PipelineStatus.Succeeded();
    }
}
