package pdmbot.world.local;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.RunningDeployment;
import pdmbot.world.demo.DemoDeployments;

/**
 * The deployments the local-checkout world ({@link LocalOperations}) simulates as running, started and finished by
 * demo commands. Called by {@link LocalOperations} under its lock, on its state; {@code save} writes that state.
 */
final class LocalRunningDeployments {

    private final LocalOperationsState state;
    private final DemoDeployments deployments;
    private final Function<String, Optional<AutoDeployPackage>> packageNamed;
    private final Clock clock;
    private final Runnable save;

    LocalRunningDeployments(LocalOperationsState state, DemoDeployments deployments,
                            Function<String, Optional<AutoDeployPackage>> packageNamed, Clock clock, Runnable save) {
        this.state = state;
        this.deployments = deployments;
        this.packageNamed = packageNamed;
        this.clock = clock;
        this.save = save;
    }

    /** Starts a deployment of the package on the environment (one already running is returned as it is). */
    RunningDeployment start(Environment environment, AutoDeployPackage pkg) {
        Optional<LocalOperationsState.Deploy> already = state.running.stream()
                .filter(d -> d.environment.equals(environment.id())).findFirst();
        if (already.isPresent()) return toRunning(already.get());
        LocalOperationsState.Deploy deploy = new LocalOperationsState.Deploy();
        deploy.environment = environment.id();
        deploy.packageVersion = pkg.version().toString();
        deploy.pipeline = "#" + (9000 + state.nextId++);
        deploy.startedAt = clock.instant();
        state.running.add(deploy);
        save.run();
        return toRunning(deploy);
    }

    /** Finishes the environment's running deployment: its package now runs there. The package, if one was running. */
    Optional<AutoDeployPackage> finish(Environment environment) {
        Optional<LocalOperationsState.Deploy> running = state.running.stream()
                .filter(d -> d.environment.equals(environment.id())).findFirst();
        if (running.isEmpty()) return Optional.empty();
        Optional<AutoDeployPackage> pkg = packageNamed.apply(running.get().packageVersion);
        pkg.ifPresent(p -> deployments.deploy(environment, p));
        state.running.remove(running.get());
        save.run();
        return pkg;
    }

    /** The running deployments, oldest first. */
    List<RunningDeployment> running() {
        return state.running.stream().map(LocalRunningDeployments::toRunning)
                .sorted(Comparator.comparing(RunningDeployment::startedAt)).toList();
    }

    private static RunningDeployment toRunning(LocalOperationsState.Deploy d) {
        return new RunningDeployment(Environment.byId(d.environment).orElseThrow(), d.packageVersion, d.pipeline, "", d.startedAt);
    }
}
