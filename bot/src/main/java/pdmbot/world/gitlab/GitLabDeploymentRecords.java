package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DatabaseState;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;

/**
 * Records post-deploy migrations as deployments on {@code db/gstg} and {@code db/gprd} of the canonical and the
 * security projects: created {@code running}, finished {@code success} or {@code failed}. What is recorded follows
 * release-tools' {@code DeploymentTracker} under GitLab.com's convention (see {@link DeploymentRefs}); with packages
 * tagged on the code project, the tag and its commit. GitLab does not de-duplicate deployments
 * ({@code Deployments::CreateService}), so a create first looks for its own {@code running} deployment with the
 * same ref and sha, as {@code update_or_create_deployment} does.
 */
public final class GitLabDeploymentRecords implements DeploymentRecords {

    static final int SEARCHED = 20;

    private final GitLabJson json;
    private final GitLabSettings settings;
    private final DeploymentRefs refs;

    /** Told of each db/ deployment this world finishes: what ran there changed (GitLabDatabaseState forgets its answer). */
    private java.util.function.Consumer<pdmbot.domain.Environment> finished = environment -> { };

    GitLabDeploymentRecords onFinished(java.util.function.Consumer<pdmbot.domain.Environment> listener) {
        this.finished = listener;
        return this;
    }

    GitLabDeploymentRecords(GitLabJson json, GitLabSettings settings, Function<String, GitLabRepository> repositories) {
        this.json = json;
        this.settings = settings;
        this.refs = new DeploymentRefs(settings, repositories);
    }

    private String projectOf(DeploymentProject project) {
        return project == DeploymentProject.SECURITY ? settings.securityProject() : settings.project();
    }

    @Override
    public DeploymentRecord createRunning(DeploymentProject project, Environment environment, AutoDeployPackage pkg,
                                          String effectKey) {
        DatabaseState.requireDatabaseEnvironment(environment);
        String path = projectOf(project);
        String name = environment.databaseEnvironment();
        java.util.Optional<DeploymentRefs.Target> target = refs.targetOf(project, pkg);
        if (target.isEmpty()) return DeploymentRecord.notRecorded(project, environment, pkg.version().toString());
        DeploymentRefs.Target t = target.get();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("environment", name);
        query.put("status", "running");
        query.put("order_by", "id");
        query.put("sort", "desc");
        query.put("per_page", String.valueOf(SEARCHED));
        for (JsonNode d : json.list(UnableToRecordDeploymentException::new, path, "/deployments", query, SEARCHED)) {
            if (t.sha().equals(d.path("sha").asText()) && t.ref().equals(d.path("ref").asText())
                    && "running".equals(d.path("status").asText()))
                return record(project, environment, d.path("id").asText(), pkg, path);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("environment", name);
        form.put("sha", t.sha());
        form.put("ref", t.ref());
        form.put("tag", String.valueOf(t.tag()));
        form.put("status", "running");
        JsonNode created = json.post(UnableToRecordDeploymentException::new, path, "/deployments", form);
        String id = created.path("id").asText("");
        if (id.isBlank())
            throw new UnableToRecordDeploymentException("GitLab created a deployment on " + name + " of " + path
                    + " but gave no id", null);
        return record(project, environment, id, pkg, path);
    }

    private DeploymentRecord record(DeploymentProject project, Environment environment, String id, AutoDeployPackage pkg,
                                    String path) {
        return new DeploymentRecord(project, environment, id, pkg.version().toString(),
                settings.url() + "/" + path + "/-/environments");
    }

    @Override
    public void finish(DeploymentRecord deployment, Outcome outcome) {
        if (!deployment.isRecorded()) return;
        String path = projectOf(deployment.project());
        String wanted = outcome == Outcome.SUCCESS ? "success" : "failed";
        String suffix = "/deployments/" + deployment.id();
        JsonNode current = json.get(UnableToRecordDeploymentException::new, path, suffix, Map.of());
        if (wanted.equals(current.path("status").asText())) return;
        GitLabCalls.Answer<JsonNode> answer = json.putUnlessRefused(UnableToRecordDeploymentException::new, path, suffix,
                Map.of("status", wanted), Set.of(400));
        // a PUT retried after a timeout whose first try landed: the state machine refuses the repeated transition with
        // 400 {"message":{"status":["cannot transition via \"succeed\""]}} (gitlab-facts §2); GitLab holds what we want
        if (answer instanceof GitLabCalls.Refused<JsonNode> refused) {
            String now = json.get(UnableToRecordDeploymentException::new, path, suffix, Map.of()).path("status").asText();
            if (!wanted.equals(now))
                throw new UnableToRecordDeploymentException("GitLab answered " + refused.message() + " to "
                        + GitLabJson.request("PUT", path, suffix, Map.of()) + " (status=" + wanted + "), and deployment "
                        + deployment.id() + " is " + (now.isBlank() ? "in an unknown state" : now), null);
        }
        finished.accept(deployment.environment());
    }

    static String shortRef(String refName) {
        for (String prefix : List.of("refs/tags/", "refs/heads/"))
            if (refName.startsWith(prefix)) return refName.substring(prefix.length());
        return refName;
    }
}
