package pdmbot.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import pdmbot.domain.Environment;

/** The checks of {@code run.targets} against {@code run.environments}, each naming the key it is about. */
final class RunTargets {

    private RunTargets() {
    }

    static void check(List<RunTarget> targets, List<RunEnvironment> environments) {
        Set<String> defined = new HashSet<>();
        for (int i = 0; i < environments.size(); i++) {
            String id = environments.get(i).id();
            if (Environment.known().stream().anyMatch(e -> e.id().equals(id)))
                throw new IllegalArgumentException("environments[" + i + "].id: " + id + " is one the bot knows by itself ("
                        + Environment.known().stream().map(Environment::id).collect(Collectors.joining(", "))
                        + "); define only new ones here");
            if (!defined.add(id))
                throw new IllegalArgumentException("environments[" + i + "].id: " + id + " is defined twice");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String id = targets.get(i).environment();
            if (!RunTarget.ENVIRONMENTS.contains(id) && !withMigrations(id, environments))
                throw new IllegalArgumentException("targets[" + i + "].environment: '" + id + "' has no post-deploy migrations"
                        + " to run; expected one of " + String.join(", ", expected(environments))
                        + (environments.isEmpty() ? " (or an environment defined under run.environments)" : ""));
            if (!seen.add(id))
                throw new IllegalArgumentException("targets[" + i + "].environment: " + id
                        + " is listed twice; each environment is migrated once per run");
        }
        if (targets.stream().allMatch(RunTarget::skip))
            throw new IllegalArgumentException("targets: every target is skipped; a run needs at least one environment");
    }

    private static boolean withMigrations(String id, List<RunEnvironment> environments) {
        return environments.stream().anyMatch(e -> e.id().equals(id) && e.postDeployMigrations());
    }

    private static List<String> expected(List<RunEnvironment> environments) {
        List<String> ids = new java.util.ArrayList<>(RunTarget.ENVIRONMENTS);
        environments.stream().filter(RunEnvironment::postDeployMigrations).map(RunEnvironment::id).forEach(ids::add);
        return ids;
    }
}
