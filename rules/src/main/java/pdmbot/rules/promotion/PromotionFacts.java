package pdmbot.rules.promotion;

import java.util.Objects;

/**
 * The facts the promotion guards reason over, besides the production checks' own ({@code CheckFacts.Deploying},
 * {@code OpenIncident}, {@code OpenChangeRequest}, {@code ProductionChangeLock}, {@code HeldLock}).
 */
public final class PromotionFacts {

    private PromotionFacts() {
    }

    /** Where the candidate goes; {@code previous} is the environment before it in the chain, "" for the first. */
    public record Target(String environment, String previous, boolean production) {
        public Target {
            Objects.requireNonNull(environment, "environment");
            if (previous == null) previous = "";
        }
    }

    /** What is promoted: a package version (or a bare sha) and the commit it was built from. */
    public record Candidate(String name, String sha) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha, "sha");
        }
    }

    /** The candidate has reached the environment before the target (what runs there contains its commit). */
    public record ReachedPrevious(String environment) {
        public ReachedPrevious {
            Objects.requireNonNull(environment, "environment");
        }
    }

    /**
     * The candidate against what production runs: {@code mergeBase} is their merge base ("" when they share no
     * history); the candidate descends from production when the merge base is production's commit.
     */
    public record Ancestry(String productionEnvironment, String productionSha, String mergeBase) {
        public Ancestry {
            Objects.requireNonNull(productionEnvironment, "productionEnvironment");
            Objects.requireNonNull(productionSha, "productionSha");
            if (mergeBase == null) mergeBase = "";
        }

        public boolean descends() {
            return mergeBase.equals(productionSha);
        }

        public String describe(Candidate candidate) {
            String named = candidate.name().equals(candidate.sha()) ? "`" + candidate.sha() + "`"
                    : "`" + candidate.name() + "` (" + candidate.sha() + ")";
            return named + " does not descend from " + productionSha
                    + ", what " + productionEnvironment + " runs now"
                    + (mergeBase.isEmpty() ? " (they share no history)" : " (their merge base is " + mergeBase + ")");
        }
    }

    /**
     * {@code --rollback}: {@code line} is the rollback line (the package of the last successful db/gprd deployment,
     * "" when unknown) and whether the candidate is at or after it.
     */
    public record RollbackRequest(String line, boolean atOrAfterLine) {
        public RollbackRequest {
            if (line == null) line = "";
        }
    }

    /** {@code --ignore-production-checks "<reason>"} by a release manager. */
    public record OverrideRequest(String reason, String by) {
        public OverrideRequest {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("an override needs a reason");
            Objects.requireNonNull(by, "by");
        }
    }

    /** A PDM run is active (running, or failed and waiting for a retry). */
    public record ActiveRun(String description) {
        public ActiveRun {
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * A guard's finding before the override is weighed: {@code overridable} findings give way to
     * {@code --ignore-production-checks}, the others never do. Inserted logically by the guard rules.
     */
    public record Finding(String guard, String reason, String rule, boolean overridable) {
    }
}
