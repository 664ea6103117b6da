package pdmbot.world.demo;

import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.Deployments;

/** Which package each demo environment runs, read from and written to the demo's {@code state.json}. */
public final class DemoDeployments implements Deployments {

    private final DemoStateFile state;

    DemoDeployments(DemoStateFile state) {
        this.state = state;
    }

    @Override
    public Optional<AutoDeployPackage> packageOn(Environment environment) {
        return Optional.ofNullable(state.read().deployments().get(environment.id())).map(DemoState.Deployed::toPackage);
    }

    /** Records that a package now runs on the environment (the simulated deployer calls this). */
    public void deploy(Environment environment, AutoDeployPackage pkg) {
        state.update(s -> s.withDeployment(environment, pkg));
    }
}
