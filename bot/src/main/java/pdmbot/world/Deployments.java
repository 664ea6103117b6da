package pdmbot.world;

import java.util.Map;
import java.util.Optional;
import pdmbot.domain.Environment;

/** Answers which package is deployed on each environment. */
public interface Deployments {

    /** The package running on the environment now; empty when nothing was ever deployed there. */
    Optional<AutoDeployPackage> packageOn(Environment environment);

    /** The package on every environment that has one. */
    default Map<Environment, AutoDeployPackage> current() {
        Map<Environment, AutoDeployPackage> all = new java.util.TreeMap<>();
        for (Environment e : Environment.known()) packageOn(e).ifPresent(p -> all.put(e, p));
        return all;
    }
}
