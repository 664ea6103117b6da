package pdmbot.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code deploy}: the environment chain a package is promoted through, in order, and each environment's deploy
 * pipeline (issue 16). The default is GitLab.com's chain, gstg-cny → gstg → gprd-cny → gprd, deployed by the
 * deployer project ({@code world.gitlab.pdm-pipeline-project}); {@code demo-seconds} is how long a simulated deploy
 * of the local checkout takes (the demo's deployer pipeline moves at the emulator's pace).
 */
public record DeployConfig(List<Environment> chain, Integer demoSeconds) {

    /** GitLab.com's chain: the canaries first; gprd-cny and gprd are production. */
    public static final List<Environment> GITLAB_COM = List.of(
            new Environment("gstg-cny", false, "gstg", null, null),
            new Environment("gstg", false, "gstg", null, null),
            new Environment("gprd-cny", true, "gprd", null, null),
            new Environment("gprd", true, "gprd", null, null));

    public DeployConfig {
        chain = chain == null || chain.isEmpty() ? GITLAB_COM : List.copyOf(chain);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chain.size(); i++)
            if (!seen.add(chain.get(i).environment()))
                throw new IllegalArgumentException("chain[" + i + "].environment: " + chain.get(i).environment()
                        + " is listed twice; an environment has one place in the chain");
        if (chain.stream().noneMatch(Environment::production))
            throw new IllegalArgumentException("chain: no environment is production: true; the last one of the chain"
                    + " is what the descendant guard compares with, mark it (and its canary) production: true");
        if (demoSeconds == null) demoSeconds = 0;
        if (demoSeconds < 0) throw new IllegalArgumentException("demo-seconds: must be 0 or more seconds");
    }

    /**
     * One environment of the chain. {@code pdm-environment} is the environment whose post-deploy migrations share its
     * databases (gstg or gprd): it is locked against PDM runs while this one deploys ({@code none}: nothing is
     * locked). {@code pipeline-project} and {@code pipeline-ref} say where its deploy pipeline runs (default: the
     * deployer of {@code world.gitlab}).
     */
    public record Environment(String environment, Boolean production, String pdmEnvironment, String pipelineProject,
                              String pipelineRef) {
        public Environment {
            if (environment == null || !environment.matches("[a-z0-9][a-z0-9_-]{0,31}"))
                throw new IllegalArgumentException("environment: a lower-case name of 1 to 32 characters is required, not '"
                        + environment + "'");
            if (production == null) production = false;
            if (pdmEnvironment != null && !List.of("gstg", "gprd", "none").contains(pdmEnvironment))
                throw new IllegalArgumentException("pdm-environment: must be gstg, gprd or none, not '" + pdmEnvironment + "'");
        }
    }
}
