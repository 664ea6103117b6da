package pdmbot.promote;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pdmbot.domain.Environment;

/**
 * The environments a package is promoted through, in order (issue 16): GitLab.com's gstg-cny → gstg → gprd-cny →
 * gprd, or any other chain the configuration names (qa → staging → production). Its own names, not
 * {@link Environment}: only the environments whose databases run post-deploy migrations map to one.
 */
public final class PromotionChain {

    /**
     * One environment of the chain: whether it is production (held to the descendant guard), and the PDM environment
     * whose databases it shares, locked against PDM runs while it deploys.
     */
    public record Step(String environment, boolean production, Optional<Environment> pdmEnvironment) {
        public Step {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(pdmEnvironment, "pdmEnvironment");
        }

        /** The world's environment of the same name (gstg-cny, gstg, gprd-cny, gprd), if it is one. */
        public Optional<Environment> worldEnvironment() {
            return Environment.byId(environment).filter(e -> e.id().equals(environment));
        }
    }

    private final List<Step> steps;

    public PromotionChain(List<Step> steps) {
        if (steps.isEmpty()) throw new IllegalArgumentException("a chain has at least one environment");
        if (steps.stream().noneMatch(Step::production))
            throw new IllegalArgumentException("a chain has at least one production environment");
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    public Optional<Step> step(String environment) {
        return steps.stream().filter(s -> s.environment().equalsIgnoreCase(environment.trim())).findFirst();
    }

    /** The environment before {@code step} in the chain; empty for the first. */
    public Optional<Step> previous(Step step) {
        int i = steps.indexOf(step);
        return i > 0 ? Optional.of(steps.get(i - 1)) : Optional.empty();
    }

    /** What the descendant guard compares with: the last production environment of the chain (gprd). */
    public Step production() {
        Step last = null;
        for (Step s : steps) if (s.production()) last = s;
        return last;
    }

    /** {@code gstg-cny → gstg → gprd-cny → gprd}. */
    public String describe() {
        return String.join(" → ", steps.stream().map(Step::environment).toList());
    }
}
