package pdmbot.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import pdmbot.domain.Environment;
import pdmbot.storage.runs.StepSpec;

/**
 * The steps a new run gets, in order, written once: lock, announce, then for each configured target its
 * post-deploy migrations (and its QA pipeline when asked), unlock, the release note, announce the end. Replies
 * describe a run from this list, so the prose cannot drift from what runs.
 */
public record RunPlan(List<Target> targets, List<RunStep> steps) {

    /** One environment a run migrates, in order; {@code qa} runs the QA pipeline against it after; {@code skip} leaves it out. */
    public record Target(Environment environment, boolean qa, boolean skip) {
        public Target {
            Objects.requireNonNull(environment, "environment");
        }
    }

    public RunPlan {
        targets = List.copyOf(targets);
        steps = List.copyOf(steps);
    }

    /** The release process's own order: gstg, QA against gstg, then gprd. */
    public static RunPlan standard() {
        return of(List.of(new Target(Environment.GSTG, true, false), new Target(Environment.GPRD, false, false)));
    }

    public static RunPlan of(List<Target> configured) {
        List<Target> targets = configured.stream().filter(t -> !t.skip()).toList();
        if (targets.isEmpty()) throw new IllegalArgumentException("a run needs at least one target that is not skipped");
        Set<Environment> seen = new LinkedHashSet<>();
        for (Target t : targets)
            if (!seen.add(t.environment())) throw new IllegalArgumentException("the target " + t.environment() + " is listed twice");
        List<RunStep> steps = new ArrayList<>();
        steps.add(RunStep.of(StepKind.LOCK));
        steps.add(RunStep.of(StepKind.ANNOUNCE_START));
        for (Target t : targets) {
            steps.add(RunStep.migrations(t.environment()));
            if (t.qa()) steps.add(RunStep.qa(t.environment()));
        }
        steps.add(RunStep.of(StepKind.UNLOCK));
        steps.add(RunStep.of(StepKind.RELEASE_NOTE));
        steps.add(RunStep.of(StepKind.ANNOUNCE_END));
        return new RunPlan(targets, steps);
    }

    /** The environments a new run migrates, in order. */
    public List<Environment> environments() {
        return targets.stream().map(Target::environment).toList();
    }

    /** "gstg and gprd", "gstg, gprd-x and gprd". */
    String environmentWords() {
        return words(environments());
    }

    static String words(List<Environment> environments) {
        return wordsOf(environments.stream().map(Environment::id).toList());
    }

    /** "a", "a and b", "a, b and c". */
    static String wordsOf(List<String> ids) {
        if (ids.size() <= 1) return String.join("", ids);
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    /** {@code lock gstg and gprd → gstg → QA on gstg → gprd → unlock → release note}. */
    String stepsLine() {
        return steps.stream().map(s -> s.shortName(environmentWords())).filter(n -> !n.isEmpty()).collect(Collectors.joining(" → "));
    }

    /** {@code gstg, QA, gprd}: what a run migrates and tests, for descriptions. */
    String targetsLine() {
        return steps.stream().filter(s -> s.kind() == StepKind.MIGRATIONS || s.kind() == StepKind.QA)
                .map(s -> s.kind() == StepKind.QA ? "QA" : s.environment().id()).collect(Collectors.joining(", "));
    }

    List<StepSpec> specs() {
        return steps.stream().map(RunStep::spec).toList();
    }
}
