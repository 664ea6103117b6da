package pdmbot.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.RevCommit;
import pdmbot.emulator.EmulatorState.Deployment;
import pdmbot.emulator.EmulatorState.Pipeline;
import pdmbot.emulator.EmulatorState.Project;

/**
 * What release tooling records when a deployer pipeline deploys a package to an application environment (one with
 * {@code DEPLOY_ENVIRONMENT} gstg-cny, gstg, gprd-cny, gprd… and {@code DEPLOY_VERSION}; the {@code db/} ones are
 * post-deploy migration pipelines, whose deployments the PDM client records itself). release-tools'
 * {@code Deployments::DeploymentTracker#track} creates them {@code running} when the deploy starts and
 * {@code update_or_create_deployment} moves them to {@code success} or {@code failed} when it ends
 * (gitlab-facts §3): on the security omnibus project with the omnibus tag ({@code +} form) and its sha, on the
 * security project with the auto-deploy branch and the full rails sha, and on the canonical project with
 * {@code master} when the rails commit is on canonical (the intersection of a package without picks). Each is
 * API-created: no deployable. The end is applied when deployments are next read, at the pipeline's finish time.
 */
final class DeployerDeployments {

    static final String OMNIBUS = "gitlab-org/security/omnibus-gitlab";
    private static final Pattern VERSION = Pattern.compile("\\A(\\d+\\.\\d+\\.\\d+)[-+]([0-9a-f]{11})\\.([0-9a-f]{11})\\z");

    private DeployerDeployments() {
    }

    /** Records the running deployments of a deploy pipeline just created; nothing for any other pipeline. */
    static void started(EmulatorWorld world, Pipeline pipeline) {
        String environment = variable(pipeline, "DEPLOY_ENVIRONMENT").orElse("");
        Optional<String> version = variable(pipeline, "DEPLOY_VERSION");
        if (environment.isEmpty() || environment.startsWith("db/") || version.isEmpty()) return;
        Matcher v = VERSION.matcher(version.get());
        if (!v.matches()) return;
        String tag = v.group(1) + "+" + v.group(2) + "." + v.group(3);
        List<Long> recorded = new ArrayList<>();
        world.projectByPath(OMNIBUS).ifPresent(omnibus -> world.repository(omnibus).commit(tag).ifPresent(sha ->
                recorded.add(record(world, omnibus, environment, tag, sha.name(), pipeline))));
        if (recorded.isEmpty()) return;
        world.projectByPath(DeployerMigrations.SECURITY).ifPresent(security -> world.repository(security).commit(v.group(2))
                .ifPresent(rails -> autoDeployBranch(world, security, rails.name()).ifPresent(branch ->
                        recorded.add(record(world, security, environment, branch, rails.name(), pipeline)))));
        world.projectByPath(DeployerMigrations.CANONICAL).ifPresent(canonical -> world.repository(canonical).commit(v.group(2))
                .map(RevCommit::name).ifPresent(sha -> recorded.add(record(world, canonical, environment,
                        canonical.defaultBranch(), sha, pipeline))));
        world.state.deployTracks.add(new EmulatorState.DeployTrack(pipeline.id(), List.copyOf(recorded)));
    }

    /** Ends the deployments of every deploy pipeline that has finished by now; true when something changed. */
    static boolean settle(EmulatorWorld world, Function<Pipeline, PipelineTimeline.State> stateOf) {
        boolean changed = false;
        for (EmulatorState.DeployTrack track : List.copyOf(world.state.deployTracks)) {
            Optional<Pipeline> pipeline = world.state.pipelines.stream().filter(p -> p.id() == track.pipelineId()).findFirst();
            PipelineTimeline.State state = pipeline.map(stateOf).orElse(null);
            String status = state == null ? "canceled" : switch (state.status()) {
                case "success" -> "success";
                case "failed" -> "failed";
                case "canceled", "skipped" -> "canceled";
                default -> null;
            };
            if (status == null) continue;
            Instant at = state == null || state.finishedAt() == null ? world.now() : state.finishedAt();
            for (long id : track.deploymentIds())
                world.state.deployments.stream().filter(d -> d.id() == id && d.status().equals("running")).findFirst()
                        .ifPresent(d -> EmulatorState.replace(world.state.deployments, d, d.withStatus(status, at)));
            world.state.deployTracks.remove(track);
            changed = true;
        }
        return changed;
    }

    private static long record(EmulatorWorld world, Project p, String environment, String ref, String sha, Pipeline pipeline) {
        EmulatorState.Environment env = new DeploymentRoutes(world).findOrCreateEnvironment(p, environment, pipeline.createdAt());
        long iid = world.state.deployments.stream().filter(d -> d.projectId() == p.id()).mapToLong(Deployment::iid).max().orElse(0) + 1;
        Deployment d = new Deployment(world.state.nextId(), iid, p.id(), env.id(), ref, sha, false, "running",
                pipeline.userId(), pipeline.createdAt(), pipeline.createdAt(), null);
        world.state.deployments.add(d);
        return d.id();
    }

    /** The auto-deploy branch release tooling deployed this rails commit from: the newest deployment of it that names one. */
    private static Optional<String> autoDeployBranch(EmulatorWorld world, Project security, String sha) {
        return world.state.deployments.stream()
                .filter(d -> d.projectId() == security.id() && d.sha().equals(sha) && d.ref().matches("\\d+-\\d+-auto-deploy-\\d+"))
                .max(Comparator.comparingLong(Deployment::id)).map(Deployment::ref);
    }

    private static Optional<String> variable(Pipeline pipeline, String key) {
        return pipeline.variables().stream().filter(x -> x.key().equals(key)).map(EmulatorState.Variable::value)
                .filter(x -> !x.isBlank()).findFirst();
    }
}
