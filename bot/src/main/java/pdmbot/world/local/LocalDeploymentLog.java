package pdmbot.world.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;
import pdmbot.world.MergeRequestRef;

/**
 * The deployment records and merge request labels of the local-checkout world ({@link LocalOperations}). Called by
 * {@link LocalOperations} under its lock, on its state; {@code save} writes that state.
 */
final class LocalDeploymentLog {

    private final LocalOperationsState state;
    private final Runnable save;
    private final Supplier<String> nextId;

    LocalDeploymentLog(LocalOperationsState state, Runnable save, Supplier<String> nextId) {
        this.state = state;
        this.save = save;
        this.nextId = nextId;
    }

    /** A running deployment record; one already made with the same key is given back as it is. */
    DeploymentRecord createRunning(DeploymentProject project, Environment environment, AutoDeployPackage pkg,
                                   String effectKey) {
        Optional<LocalOperationsState.Record> existing = state.deployments.stream()
                .filter(d -> effectKey.equals(d.effectKey)).findFirst();
        if (existing.isPresent()) return toRecord(existing.get());
        LocalOperationsState.Record r = new LocalOperationsState.Record();
        r.id = nextId.get();
        r.project = project.id();
        r.environment = environment.id();
        r.packageVersion = pkg.version().toString();
        r.commitSha = pkg.commitSha();
        r.status = "running";
        r.effectKey = effectKey;
        state.deployments.add(r);
        save.run();
        return toRecord(r);
    }

    void finish(DeploymentRecord deployment, DeploymentRecords.Outcome outcome) {
        LocalOperationsState.Record r = state.deployments.stream().filter(d -> d.id.equals(deployment.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the demo has no deployment " + deployment.id()));
        r.status = outcome == DeploymentRecords.Outcome.SUCCESS ? "success" : "failed";
        save.run();
    }

    /** Every deployment recorded, oldest first. */
    List<DeploymentRecord> deploymentRecords() {
        return state.deployments.stream().map(LocalDeploymentLog::toRecord).toList();
    }

    /** The status (running, success, failed) of a recorded deployment. */
    Optional<String> statusOf(String deploymentId) {
        return state.deployments.stream().filter(d -> d.id.equals(deploymentId)).map(d -> d.status).findFirst();
    }

    void addLabel(MergeRequestRef mergeRequest, String label) {
        List<String> labels = state.labels.computeIfAbsent(mergeRequest.toString(), k -> new ArrayList<>());
        if (!labels.contains(label)) labels.add(label);
        save.run();
    }

    void addEnvironment(MergeRequestRef mergeRequest, Environment environment) {
        List<String> environments = state.environments.computeIfAbsent(mergeRequest.toString(), k -> new ArrayList<>());
        if (!environments.contains(environment.databaseEnvironment())) environments.add(environment.databaseEnvironment());
        save.run();
    }

    Map<String, List<String>> labels() {
        return Map.copyOf(state.labels);
    }

    Map<String, List<String>> mergeRequestEnvironments() {
        return Map.copyOf(state.environments);
    }

    private static DeploymentRecord toRecord(LocalOperationsState.Record r) {
        return new DeploymentRecord(DeploymentProject.valueOf(r.project.toUpperCase()), Environment.byId(r.environment).orElseThrow(),
                r.id, r.packageVersion, "");
    }
}
