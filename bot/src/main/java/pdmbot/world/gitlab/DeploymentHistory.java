package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;

/**
 * The newest successful deployments of an environment, from {@code GET /projects/:id/deployments} with
 * {@code status=success&order_by=id&sort=desc}, as release-tools and chatops ask. GitLab refuses {@code order_by=finished_at}
 * without a finished filter (400, {@code app/finders/deployments_finder.rb}), and its answer has no
 * {@code finished_at} field ({@code lib/api/entities/deployment.rb}), so an API-created deployment's finish is its
 * {@code updated_at}. Read as JSON: gitlab4j's status enum lacks {@code blocked} and {@code skipped}, and
 * {@code deployable} is {@code null} on every deployment release-tools creates.
 */
final class DeploymentHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A successful deployment: what was deployed, and when it finished. */
    record Deployment(String project, String ref, String sha, Instant finishedAt) {
    }

    private final GitLabRawApi raw;
    private final GitLabCalls calls;

    DeploymentHistory(GitLabApi api, GitLabCalls calls) {
        this.raw = new GitLabRawApi(api);
        this.calls = calls;
    }

    /** Newest first, at most {@code limit}; empty when the environment has none (or does not exist). */
    List<Deployment> successful(String project, String environment, int limit) {
        String request = "GET /projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8)
                + "/deployments?environment=" + environment + "&status=success&order_by=id&sort=desc&per_page="
                + limit;
        return calls.read(UnableToReadDeploymentsException::new, request, () -> {
            try (InputStream body = raw.get(Map.of("environment", environment, "status", "success",
                            "order_by", "id", "sort", "desc", "per_page", String.valueOf(limit)),
                    "projects", raw.projectSegment(project), "deployments")) {
                return parse(project, JSON.readTree(body), limit);
            } catch (IOException e) {
                throw new GitLabApiException(e);
            }
        });
    }

    private static List<Deployment> parse(String project, JsonNode answer, int limit) throws IOException {
        if (answer == null || !answer.isArray()) throw new MalformedAnswer("expected a JSON array of deployments");
        List<Deployment> deployments = new ArrayList<>();
        for (JsonNode d : answer) {
            String sha = d.path("sha").asText("");
            if (!sha.matches("[0-9a-f]{40}")) throw new MalformedAnswer("a deployment without a 40-character sha");
            if (!"success".equals(d.path("status").asText("success"))) continue;
            deployments.add(new Deployment(project, d.path("ref").asText(""), sha, finishedAt(d)));
            if (deployments.size() == limit) break;
        }
        return deployments;
    }

    private static Instant finishedAt(JsonNode d) throws MalformedAnswer {
        // finished_at is read should a version send it; GitLab's entity has updated_at, set when the status last moved
        for (String field : List.of("finished_at", "updated_at", "created_at")) {
            String text = d.path(field).asText(null);
            if (text == null || text.isBlank()) continue;
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new MalformedAnswer("deployment " + field + " is not a timestamp: " + text);
            }
        }
        throw new MalformedAnswer("a deployment without finished_at, updated_at or created_at");
    }

    /** A well-formed JSON answer that is not what GitLab's deployments API documents. */
    private static final class MalformedAnswer extends com.fasterxml.jackson.core.JsonProcessingException {
        MalformedAnswer(String message) {
            super(message);
        }
    }
}
