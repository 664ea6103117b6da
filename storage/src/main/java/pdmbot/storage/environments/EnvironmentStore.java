package pdmbot.storage.environments;

import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;

/** Which package each environment runs, as last recorded. */
public interface EnvironmentStore {

    /** The package recorded for the environment; empty when none was. */
    Optional<PackageVersion> deployedPackage(Environment environment);

    /** Records that the environment now runs the package, replacing what was recorded before. */
    void recordDeployment(Environment environment, PackageVersion version);

    /** Every recorded deployment, in environment order. */
    List<Deployment> deployments();
}
