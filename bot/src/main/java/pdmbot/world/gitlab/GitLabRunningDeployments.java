package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.world.RunningDeployment;
import pdmbot.world.RunningDeployments;

/**
 * Deployments in progress on gstg-cny, gstg, gprd-cny and gprd: the {@code running} deployments of the projects that
 * record them (GitLab.com: the security omnibus project, whose refs are package tags; else the canonical and the
 * security projects). {@code db/...} environments are post-deploy migrations, not deployments, and are left out.
 */
public final class GitLabRunningDeployments implements RunningDeployments {

    private final GitLabJson json;
    private final List<String> projects;

    GitLabRunningDeployments(GitLabJson json, List<String> projects) {
        this.json = json;
        this.projects = List.copyOf(projects);
    }

    @Override
    public List<RunningDeployment> running() {
        List<RunningDeployment> running = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String project : projects) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("status", "running");
            query.put("order_by", "created_at");
            query.put("sort", "asc");
            query.put("per_page", "100");
            for (JsonNode d : json.list(UnableToReadDeploymentsException::new, project, "/deployments", query)) {
                String name = d.path("environment").path("name").asText("");
                if (name.startsWith("db/")) continue;
                Optional<Environment> environment = Environment.byId(name);
                if (environment.isEmpty()) continue;
                // API-created deployments (all of release-tools') have "deployable": null: no pipeline to name
                JsonNode pipeline = d.path("deployable").path("pipeline");
                String pipelineId = pipeline.path("id").isMissingNode() || pipeline.path("id").isNull()
                        ? "deployment " + d.path("id").asText("?") : pipeline.path("id").asText();
                String ref = d.path("ref").asText("");
                String version = PackageVersion.find(ref).map(PackageVersion::toString)
                        .orElse(ref.isBlank() ? d.path("sha").asText("unknown") : ref);
                // the canonical and the security project record the same deployment
                String sameDeployment = pipeline.path("id").isNumber() ? pipelineId : version;
                if (!seen.add(environment.get() + "/" + sameDeployment)) continue;
                Instant startedAt = GitLabJson.instant(d.path("deployable"), "started_at")
                        .or(() -> GitLabJson.instant(d, "created_at")).orElse(Instant.EPOCH);
                running.add(new RunningDeployment(environment.get(), version, pipelineId,
                        pipeline.path("web_url").asText(""), startedAt));
            }
        }
        running.sort(Comparator.comparing(RunningDeployment::startedAt));
        return running;
    }
}
