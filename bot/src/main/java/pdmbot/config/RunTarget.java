package pdmbot.config;

import java.util.List;

/**
 * One environment a PDM run migrates, in the order listed: {@code environment} is an environment with post-deploy
 * migrations (gstg, gprd or one defined under {@code run.environments}), {@code qa} runs the QA pipeline against it
 * afterwards, {@code skip} leaves it out of new runs.
 */
public record RunTarget(String environment, Boolean qa, Boolean skip) {
    public static final List<String> ENVIRONMENTS = List.of("gstg", "gprd");

    public RunTarget {
        if (environment == null || environment.isBlank())
            throw new IllegalArgumentException("environment: is required (one of " + String.join(", ", ENVIRONMENTS)
                    + " or an id under run.environments)");
        environment = environment.trim().toLowerCase();
        if (qa == null) qa = false;
        if (skip == null) skip = false;
    }
}
