package pdmbot.run;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import pdmbot.storage.runs.SideEffect;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;

/**
 * The deployments an earlier attempt of a migration step recorded, found by building their effect keys, attempt by
 * attempt, and looking them up: nothing is parsed out of a key.
 */
record EarlierDeployments(int attempt, Map<DeploymentProject, DeploymentRecord> byProject) {

    /** The newest attempt up to {@code upTo} that recorded a deployment, with its deployments. */
    static Optional<EarlierDeployments> newest(RunContext context, RunStep step, int upTo) {
        Map<String, SideEffect> done = Effects.doneByKey(context.store().effects(context.runId()));
        for (int attempt = upTo; attempt >= 1; attempt--) {
            Map<DeploymentProject, DeploymentRecord> found = of(done, step, attempt);
            if (!found.isEmpty()) return Optional.of(new EarlierDeployments(attempt, found));
        }
        return Optional.empty();
    }

    /** The deployments recorded by one attempt of the step. */
    static Map<DeploymentProject, DeploymentRecord> of(Map<String, SideEffect> done, RunStep step, int attempt) {
        Map<DeploymentProject, DeploymentRecord> found = new EnumMap<>(DeploymentProject.class);
        for (DeploymentProject project : DeploymentProject.values()) {
            SideEffect effect = done.get(EffectKey.deployment(step, attempt, project).text());
            if (effect != null) found.put(project, EffectResults.deployment(effect.result()));
        }
        return found;
    }
}
