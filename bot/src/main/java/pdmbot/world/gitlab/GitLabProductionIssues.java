package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.world.ChangeRequest;
import pdmbot.world.ChangeRequests;
import pdmbot.world.Incident;
import pdmbot.world.Incidents;

/**
 * Incidents and change requests, read from the production tracker project's open issues: incidents are labelled
 * {@code incident} with {@code severity::1..4}, change requests {@code change} with {@code C1..C4} and
 * {@code change::in-progress} while carried out; either may be labelled {@code blocks deployments}.
 */
public final class GitLabProductionIssues implements Incidents, ChangeRequests {

    private static final Logger log = LoggerFactory.getLogger(GitLabProductionIssues.class);
    static final String BLOCKS_DEPLOYMENTS = "blocks deployments";
    /** Until someone sets a severity, an incident counts as severity 2: it blocks, rather than being waved through. */
    static final int UNTRIAGED_SEVERITY = 2;
    private static final Pattern SEVERITY = Pattern.compile("severity::([1-4])");
    private static final Pattern CRITICALITY = Pattern.compile("C([1-4])");
    private static final Map<String, Integer> SEVERITY_FIELD =
            Map.of("CRITICAL", 1, "HIGH", 2, "MEDIUM", 3, "LOW", 4);

    private final GitLabJson json;
    private final String project;

    GitLabProductionIssues(GitLabJson json, String project) {
        this.json = json;
        this.project = project;
    }

    @Override
    public List<Incident> activeIncidents() {
        List<Incident> incidents = new ArrayList<>();
        for (JsonNode issue : openIssuesLabelled("incident", UnableToReadIncidentsException::new)) {
            List<String> labels = GitLabJson.labels(issue);
            if (labels.stream().anyMatch(l -> l.equalsIgnoreCase("Incident::Resolved"))) continue;
            incidents.add(new Incident(idOf(issue), issue.path("title").asText(""), severityOf(issue, labels),
                    labels.contains(BLOCKS_DEPLOYMENTS), issue.path("web_url").asText(""), openedAt(issue)));
        }
        return incidents;
    }

    @Override
    public List<ChangeRequest> activeChangeRequests() {
        List<ChangeRequest> changes = new ArrayList<>();
        for (JsonNode issue : openIssuesLabelled("change", UnableToReadChangeRequestsException::new)) {
            List<String> labels = GitLabJson.labels(issue);
            boolean inProgress = labels.contains("change::in-progress");
            boolean blocks = labels.contains(BLOCKS_DEPLOYMENTS);
            if (!inProgress && !blocks) continue;
            changes.add(new ChangeRequest(idOf(issue), issue.path("title").asText(""), firstLevel(labels, CRITICALITY)
                    .orElse(4), inProgress, blocks, issue.path("web_url").asText(""), openedAt(issue)));
        }
        return changes;
    }

    private List<JsonNode> openIssuesLabelled(String label, GitLabCalls.Failure failure) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("state", "opened");
        query.put("labels", label);
        query.put("order_by", "created_at");
        query.put("sort", "asc");
        query.put("per_page", "100");
        return json.list(failure, project, "/issues", query);
    }

    private int severityOf(JsonNode issue, List<String> labels) {
        Optional<Integer> fromLabel = firstLevel(labels, SEVERITY);
        if (fromLabel.isPresent()) return fromLabel.get();
        Integer fromField = SEVERITY_FIELD.get(issue.path("severity").asText("").toUpperCase(Locale.ROOT));
        if (fromField != null) return fromField;
        log.warn("incident {} has no severity yet; counted as severity {}", idOf(issue), UNTRIAGED_SEVERITY);
        return UNTRIAGED_SEVERITY;
    }

    private static Optional<Integer> firstLevel(List<String> labels, Pattern pattern) {
        for (String l : labels) {
            Matcher m = pattern.matcher(l);
            if (m.matches()) return Optional.of(Integer.parseInt(m.group(1)));
        }
        return Optional.empty();
    }

    private String idOf(JsonNode issue) {
        return project + "#" + issue.path("iid").asText("?");
    }

    private static Instant openedAt(JsonNode issue) {
        return GitLabJson.instant(issue, "created_at").orElse(Instant.EPOCH);
    }
}
