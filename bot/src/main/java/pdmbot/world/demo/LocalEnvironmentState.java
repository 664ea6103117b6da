package pdmbot.world.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Environment state for a local checkout ({@code --repo}): which package each environment runs and which
 * post-deploy migrations ran, kept in a state file of the demo's format. It starts empty (nothing
 * deployed) until the simulated pipeline or demo commands change it.
 */
public final class LocalEnvironmentState {

    private final DemoStateFile state;

    private LocalEnvironmentState(DemoStateFile state) {
        this.state = state;
    }

    public static LocalEnvironmentState openOrCreate(Path file) {
        if (!Files.exists(file)) DemoStateFile.write(file, DemoState.empty(0));
        return new LocalEnvironmentState(DemoStateFile.load(file));
    }

    public DemoDeployments deployments() {
        return new DemoDeployments(state);
    }

    public DemoDatabaseState databases() {
        return new DemoDatabaseState(state);
    }
}
