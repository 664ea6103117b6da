package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitlab4j.api.GitLabApiException;
import pdmbot.domain.Environment;
import pdmbot.world.MergeRequestReview;
import pdmbot.world.TriagePorts;

/**
 * A triage's GitLab calls. Merge request: {@code GET $P/merge_requests/:iid} (lib/api/merge_requests.rb), its
 * approvals {@code GET $P/merge_requests/:iid/approvals} (ee/lib/api/merge_request_approvals.rb, entity
 * ee/lib/ee/api/entities/approval_state.rb: {@code approved_by: [{user: {username}}]}) and its label events
 * {@code GET $P/merge_requests/:iid/resource_label_events} (lib/api/resource_label_events.rb, entity
 * lib/api/entities/resource_label_event.rb: {@code action add|remove}, {@code label.name}, {@code user}). Incident:
 * {@code POST $P/issues} with {@code issue_type=incident} and the tracker's labels (lib/api/issues.rb). Mark:
 * {@code POST /admin/migrations/:timestamp/mark?database=} (lib/api/admin/migrations.rb: 201, 404, 422).
 */
final class GitLabTriagePorts {

    private GitLabTriagePorts() {
    }

    static TriagePorts of(GitLabJson json, GitLabSettings settings) {
        return new TriagePorts(mr -> review(json, mr), (title, description, severity) -> incident(json, settings, title,
                description, severity), (environment, database, version) -> mark(json, settings, environment, database.id(), version));
    }

    private static Optional<MergeRequestReview> review(GitLabJson json, pdmbot.world.MergeRequestRef mr) {
        String suffix = "/merge_requests/" + mr.iid();
        JsonNode it = json.get(UnableToReadMergeRequestException::new, mr.projectPath(), suffix, Map.of());
        JsonNode approvals = json.get(UnableToReadMergeRequestException::new, mr.projectPath(), suffix + "/approvals", Map.of());
        List<String> approvers = new ArrayList<>();
        for (JsonNode a : approvals.path("approved_by")) approvers.add(a.path("user").path("username").asText());
        List<String> databaseApproved = new ArrayList<>();
        for (JsonNode e : json.list(UnableToReadMergeRequestException::new, mr.projectPath(), suffix + "/resource_label_events", Map.of()))
            if ("add".equals(e.path("action").asText()) && "database::approved".equals(e.path("label").path("name").asText()))
                databaseApproved.add(e.path("user").path("username").asText());
        return Optional.of(new MergeRequestReview(mr, it.path("title").asText(), it.path("author").path("username").asText(),
                it.path("web_url").asText(), approvers, databaseApproved));
    }

    private static TriagePorts.OpenedIncident incident(GitLabJson json, GitLabSettings settings, String title, String description,
                                                       int severity) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("description", description);
        form.put("issue_type", "incident");
        form.put("labels", settings.tracker().incidentLabel() + ",severity::" + severity);
        JsonNode issue = json.post(UnableToOpenIncidentException::new, settings.productionProject(), "/issues", form);
        return new TriagePorts.OpenedIncident(settings.productionProject() + "#" + issue.path("iid").asText(), issue.path("web_url").asText());
    }

    private static TriagePorts.Mark mark(GitLabJson json, GitLabSettings settings, Environment environment, String database, String version) {
        // the admin API acts on the databases of the instance it is sent to; this bot's instance is production
        if (environment != Environment.GPRD)
            return new TriagePorts.NotHere("GitLab marks a migration on the databases of the instance it is sent to; this bot talks to "
                    + settings.url() + " (gprd). Mark it on the staging instance for " + environment.id() + ".");
        String request = "POST /admin/migrations/" + version + "/mark?database=" + database;
        try {
            JsonNode answer = json.calls().write(UnableToMarkMigrationException::new, request, () -> {
                try (InputStream body = json.raw().post(Map.of("database", database), "admin", "migrations", version, "mark")) {
                    return GitLabJson.read(body);
                } catch (IOException e) {
                    throw new GitLabApiException(e);
                }
            });
            return new TriagePorts.Marked(answer.path("message").asText("201 Created"));
        } catch (UnableToMarkMigrationException e) {
            if (e.getCause() instanceof GitLabApiException api && api.getHttpStatus() == 422)
                return new TriagePorts.NotPending(api.getMessage());
            if (e.getCause() instanceof GitLabApiException api && api.getHttpStatus() == 404)
                return new TriagePorts.NotFound(api.getMessage());
            throw e;
        }
    }
}
