package pdmbot.world.local;

import pdmbot.world.demo.AtomicFiles;
import pdmbot.world.demo.DemoDeployments;
import pdmbot.world.demo.UnableToOpenDemoWorldException;
import pdmbot.world.demo.UnableToSaveDemoStateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.ChangeRequest;
import pdmbot.world.ChangeRequests;
import pdmbot.world.DatabaseState;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;
import pdmbot.world.Incident;
import pdmbot.world.Incidents;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MergeRequestUpdates;
import pdmbot.world.Operations;
import pdmbot.world.PendingMigration;
import pdmbot.world.PendingMigrations;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineRunner;
import pdmbot.world.PipelineStatus;
import pdmbot.world.QaPipelines;
import pdmbot.world.RunningDeployment;
import pdmbot.world.RunningDeployments;

/**
 * The local checkout's ({@code --repo}) simulated production: running deployments, incidents and change requests set
 * by demo commands, a pipeline runner that takes a configurable time per migration and records what ran in the local
 * environment state, and deployment records and merge request labels kept beside it. Every start is keyed, so a start
 * repeated with the same key gives back what the first made. State survives restarts in its file
 * ({@code local-operations.json} in the data folder).
 */
public final class LocalOperations implements RunningDeployments, Incidents, ChangeRequests, PipelineRunner, QaPipelines,
        DeploymentRecords, MergeRequestUpdates {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;
    private final PendingMigrations pending;
    private final LocalPipelines pipelines;
    private final LocalTracker tracker;
    private final LocalDeploymentLog log;
    private final LocalRunningDeployments runningDeployments;
    private LocalOperationsState state;

    private LocalOperations(Path file, LocalOperationsState state, PendingMigrations pending, DatabaseState databases,
                           DemoDeployments deployments, Function<String, Optional<AutoDeployPackage>> packageNamed,
                           Clock clock, Duration perMigration) {
        this.file = file;
        this.state = state;
        this.pending = pending;
        this.tracker = new LocalTracker(state, clock, this::save);
        this.log = new LocalDeploymentLog(state, this::save, this::nextId);
        this.runningDeployments = new LocalRunningDeployments(state, deployments, packageNamed, clock, this::save);
        this.pipelines = new LocalPipelines(state, pending, databases, clock, perMigration, this::save, this::nextId);
    }

    /** Opens (or creates) an operations file beside a local environment state. */
    public static LocalOperations open(Path file, PendingMigrations pending, DatabaseState databases,
                                      DemoDeployments deployments, Function<String, Optional<AutoDeployPackage>> packageNamed,
                                      Clock clock, Duration perMigration) {
        LocalOperationsState state;
        try {
            state = Files.exists(file) ? MAPPER.readValue(file.toFile(), LocalOperationsState.class) : new LocalOperationsState();
        } catch (IOException e) {
            throw new UnableToOpenDemoWorldException(file + " cannot be read as demo operations: " + e.getMessage()
                    + "; delete it to start the simulated production afresh", e);
        }
        if (state.failNext != null) {
            if (!state.failures.contains(state.failNext)) state.failures.add(state.failNext);
            state.failNext = null;
        }
        return new LocalOperations(file, state, pending, databases, deployments, packageNamed, clock, perMigration);
    }

    /** Every port of this simulated production. */
    public Operations operations() {
        return new Operations(this, this, this, this, this, this, this);
    }

    private void save() {
        try {
            AtomicFiles.replace(file, MAPPER.writeValueAsBytes(state), "the demo operations");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnableToSaveDemoStateException("cannot write the demo operations as JSON: " + e.getMessage(), e);
        }
    }

    private String nextId() {
        return String.valueOf(state.nextId++);
    }

    // --- demo controls ---------------------------------------------------------------------------------------------

    /** Starts a deployment of the package on the environment (one already running is returned as it is). */
    public synchronized RunningDeployment startDeployment(Environment environment, AutoDeployPackage pkg) {
        return runningDeployments.start(environment, pkg);
    }

    /** Finishes the environment's running deployment: its package now runs there. The package, if one was running. */
    public synchronized Optional<AutoDeployPackage> finishDeployment(Environment environment) {
        return runningDeployments.finish(environment);
    }

    public synchronized Incident openIncident(int severity, boolean blocking) {
        return tracker.openIncident(severity, blocking);
    }

    /** Opens an incident with its own title (a triage's), as the emulated production tracker would. */
    public synchronized Incident openIncident(String title, int severity) {
        return tracker.openIncident(title, severity);
    }

    /** Closes every open incident; how many there were. */
    public synchronized int closeIncidents() {
        return tracker.closeIncidents();
    }

    public synchronized ChangeRequest openChangeRequest(int criticality, boolean blocking) {
        return tracker.openChangeRequest(criticality, blocking);
    }

    public synchronized int closeChangeRequests() {
        return tracker.closeChangeRequests();
    }

    /**
     * The next PDM pipeline running this migration version fails there ({@code qa}: the next QA pipeline fails). Failures
     * planned before stay planned; planning the same one twice plans it once.
     */
    public synchronized void failNext(String versionOrQa) {
        if (!state.failures.contains(versionOrQa)) state.failures.add(versionOrQa);
        save();
    }

    /** Like {@link #failNext(String)}, failing with one of {@link DemoErrors#KINDS} and its realistic job log. */
    public synchronized void failNext(String version, String errorKind) {
        state.failureErrors.put(version, errorKind);
        failNext(version);
    }

    /** The first failure still planned. */
    public synchronized Optional<String> failNext() {
        return state.failures.stream().findFirst();
    }

    /** Every failure still planned, in the order planned. */
    public synchronized List<String> plannedFailures() {
        return List.copyOf(state.failures);
    }

    /** Forgets every planned failure; how many there were. */
    public synchronized int clearFailure() {
        int n = state.failures.size();
        state.failures.clear();
        save();
        return n;
    }

    /** Every deployment recorded on db/gstg and db/gprd, oldest first. */
    public synchronized List<DeploymentRecord> deploymentRecords() {
        return log.deploymentRecords();
    }

    /** The status (running, success, failed) of a recorded deployment. */
    public synchronized Optional<String> statusOf(String deploymentId) {
        return log.statusOf(deploymentId);
    }

    /** Labels added to each merge request. */
    public synchronized Map<String, List<String>> labels() {
        return log.labels();
    }

    /** How many (migration, database) pairs are pending on gstg and gprd. */
    public int pendingMigrationsLeft() {
        return pending.pendingOn(Environment.GSTG).size() + pending.pendingOn(Environment.GPRD).size();
    }

    /** How many pipelines of a kind ({@code pdm}, {@code qa}) were started. */
    public synchronized long pipelinesStarted(String kind) {
        return state.pipelines.values().stream().filter(p -> p.kind.equals(kind)).count();
    }

    // --- ports -------------------------------------------------------------------------------------------------------

    @Override
    public synchronized List<RunningDeployment> running() {
        return runningDeployments.running();
    }

    @Override
    public synchronized List<Incident> activeIncidents() {
        return tracker.activeIncidents();
    }

    @Override
    public synchronized List<ChangeRequest> activeChangeRequests() {
        return tracker.activeChangeRequests();
    }

    @Override
    public synchronized PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables,
                                                                 String effectKey) {
        return startPostDeployMigrations(environment, variables, java.util.Set.of(), effectKey);
    }

    /** The local checkout's simulated pipeline runs only {@code versions} when given (a run of a subset). */
    @Override
    public synchronized PipelineHandle startPostDeployMigrations(Environment environment, Map<String, String> variables,
                                                                 java.util.Set<String> versions, String effectKey) {
        return pipelines.startPostDeployMigrations(environment, versions, effectKey);
    }

    @Override
    public synchronized PipelineHandle startQa(Environment environment, String effectKey) {
        return pipelines.startQa(environment, effectKey);
    }

    @Override
    public synchronized PipelineStatus status(PipelineHandle pipeline) {
        return pipelines.status(pipeline);
    }

    @Override
    public synchronized DeploymentRecord createRunning(DeploymentProject project, Environment environment,
                                                       AutoDeployPackage pkg, String effectKey) {
        return log.createRunning(project, environment, pkg, effectKey);
    }

    @Override
    public synchronized void finish(DeploymentRecord deployment, Outcome outcome) {
        log.finish(deployment, outcome);
    }

    @Override
    public synchronized void addLabel(MergeRequestRef mergeRequest, String label) {
        log.addLabel(mergeRequest, label);
    }

    @Override
    public synchronized void addEnvironment(MergeRequestRef mergeRequest, Environment environment, DeploymentRecord deployment) {
        log.addEnvironment(mergeRequest, environment);
    }

    /** The environments each merge request was shown as deployed to. */
    public synchronized Map<String, List<String>> mergeRequestEnvironments() {
        return log.mergeRequestEnvironments();
    }

    // --- conversions -------------------------------------------------------------------------------------------------

    static PipelineHandle handleOf(LocalOperationsState.Pipeline p) {
        return new PipelineHandle(p.id, "");
    }
}
