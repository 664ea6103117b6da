package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.models.Deployment;
import org.gitlab4j.models.Constants.DeploymentStatus;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DatabaseState;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;

/**
 * Records post-deploy migrations as deployments on {@code db/gstg} and {@code db/gprd} of the canonical and the
 * security projects: created {@code running}, finished {@code success} or {@code failed}. GitLab keeps no free text
 * on a deployment, so a repeated create is recognised by what it records: a deployment of the same commit on the
 * same environment still running is the one already created.
 */
public final class GitLabDeploymentRecords implements DeploymentRecords {

    static final int SEARCHED = 20;

    private final GitLabApi api;
    private final GitLabJson json;
    private final GitLabSettings settings;

    GitLabDeploymentRecords(GitLabApi api, GitLabJson json, GitLabSettings settings) {
        this.api = api;
        this.json = json;
        this.settings = settings;
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
        Map<String, String> query = new LinkedHashMap<>();
        query.put("environment", name);
        query.put("order_by", "id");
        query.put("sort", "desc");
        query.put("per_page", String.valueOf(SEARCHED));
        List<JsonNode> recent = json.list(UnableToRecordDeploymentException::new, path, "/deployments", query);
        for (JsonNode d : recent.subList(0, Math.min(SEARCHED, recent.size()))) {
            String status = d.path("status").asText("");
            if (pkg.commitSha().equals(d.path("sha").asText()) && (status.equals("running") || status.equals("created")))
                return record(project, environment, d.path("id").asText(), pkg, path);
        }
        String ref = shortRef(pkg.refName());
        boolean tag = pkg.refName().startsWith("refs/tags/");
        Deployment created = json.calls().write(UnableToRecordDeploymentException::new,
                GitLabJson.request("POST", path, "/deployments", Map.of("environment", name, "sha", pkg.commitSha(),
                        "ref", ref, "tag", String.valueOf(tag), "status", "running")),
                () -> api.getDeploymentsApi().addDeployment(path, name, pkg.commitSha(), ref, tag, DeploymentStatus.RUNNING));
        if (created.getId() == null)
            throw new UnableToRecordDeploymentException("GitLab created a deployment on " + name + " of " + path
                    + " but gave no id", null);
        return record(project, environment, String.valueOf(created.getId()), pkg, path);
    }

    private DeploymentRecord record(DeploymentProject project, Environment environment, String id, AutoDeployPackage pkg,
                                    String path) {
        return new DeploymentRecord(project, environment, id, pkg.version().toString(),
                settings.url() + "/" + path + "/-/environments");
    }

    private static String shortRef(String refName) {
        for (String prefix : List.of("refs/tags/", "refs/heads/"))
            if (refName.startsWith(prefix)) return refName.substring(prefix.length());
        return refName;
    }

    @Override
    public void finish(DeploymentRecord deployment, Outcome outcome) {
        String path = projectOf(deployment.project());
        String wanted = outcome == Outcome.SUCCESS ? "success" : "failed";
        String suffix = "/deployments/" + deployment.id();
        JsonNode current = json.get(UnableToRecordDeploymentException::new, path, suffix, Map.of());
        if (wanted.equals(current.path("status").asText())) return;
        json.put(UnableToRecordDeploymentException::new, path, suffix, Map.of("status", wanted));
    }
}
