package pdmbot.run;

import pdmbot.world.DeploymentProject;

/**
 * The key of one side effect of a run, built from what it is (a step's attempt and the effect), never parsed back:
 * code that looks for an effect builds its key and looks it up. Rendered as {@code gstg/attempt-2/pipeline}.
 */
public record EffectKey(String text) {

    public EffectKey {
        if (text == null || text.isBlank() || text.length() > 200) throw new IllegalArgumentException("an effect key has 1 to 200 characters");
    }

    /** An effect of one attempt of a step: {@code <prefix>/attempt-<n>/<what>}. */
    static EffectKey ofAttempt(RunStep step, int attempt, String what) {
        if (attempt < 1) throw new IllegalArgumentException("attempts are numbered from 1: " + attempt);
        return new EffectKey(step.effectPrefix() + "/attempt-" + attempt + "/" + what);
    }

    static EffectKey plan(RunStep step, int attempt) {
        return ofAttempt(step, attempt, "plan");
    }

    static EffectKey pipeline(RunStep step, int attempt) {
        return ofAttempt(step, attempt, "pipeline");
    }

    /** That an attempt's PDM pipeline succeeded: what a retry needs to finish the attempt's bookkeeping. */
    static EffectKey migrated(RunStep step, int attempt) {
        return ofAttempt(step, attempt, "migrated");
    }

    static EffectKey deployment(RunStep step, int attempt, DeploymentProject project) {
        return ofAttempt(step, attempt, "deployment/" + project.id());
    }

    static EffectKey deploymentFinished(RunStep step, int attempt, DeploymentProject project) {
        return ofAttempt(step, attempt, "deployment/" + project.id() + "/finished");
    }

    /** An effect of a step made once per run, whatever the attempt (a label on a merge request, say). */
    static EffectKey ofStep(RunStep step, String what) {
        return new EffectKey(step.effectPrefix() + "/" + what);
    }

    /** An effect made once per run. */
    static EffectKey ofRun(String what) {
        return new EffectKey(what);
    }

    /** An announcement in the run's thread. */
    static EffectKey announcement(String what) {
        return new EffectKey("announce/" + what);
    }

    /** The deploy pipeline of a promotion (issue 16). */
    public static EffectKey promotionPipeline() {
        return new EffectKey("deploy/pipeline");
    }

    /** An announcement in a promotion's thread: {@code start}, {@code end}, {@code failure}. */
    public static EffectKey promotionAnnouncement(String what) {
        return new EffectKey("deploy/announce/" + what);
    }

    @Override
    public String toString() {
        return text;
    }
}
