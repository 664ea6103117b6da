package pdmbot.world.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.world.ChangeRequest;
import pdmbot.world.ChangeRequests;
import pdmbot.world.Incident;
import pdmbot.world.Incidents;

/**
 * Incidents and change requests, read from the production tracker's open issues with the labels release-tools
 * queries ({@code promotion/checks/active_incidents.rb}, {@code change_requests.rb}; chatops {@code feature.rb}):
 * incidents are open issues labelled {@code Incident::Active} (mitigated and resolved ones carry another label and
 * do not block), their severity from {@code severity::1..4}; change requests are open issues labelled
 * {@code change::in-progress}, their class from {@code C1..C4}. An open issue carrying the "blocks deployments"
 * label is listed too, whatever its lifecycle label. Every label name is configuration.
 */
public final class GitLabProductionIssues implements Incidents, ChangeRequests {

    private static final Logger log = LoggerFactory.getLogger(GitLabProductionIssues.class);
    /** Until someone sets a severity, an incident counts as severity 2: it blocks, rather than being waved through. */
    static final int UNTRIAGED_SEVERITY = 2;
    /** A change request without a C label counts as C4: the label, not a guess, makes it block. */
    static final int UNCLASSED_CHANGE = 4;
    private static final Pattern SEVERITY = Pattern.compile("severity::([1-4])");
    private static final Pattern CRITICALITY = Pattern.compile("C([1-4])");
    private static final Map<String, Integer> SEVERITY_FIELD =
            Map.of("CRITICAL", 1, "HIGH", 2, "MEDIUM", 3, "LOW", 4);
    private static final String RESOLVED = "Incident::Resolved";

    private final GitLabJson json;
    private final String project;
    private final GitLabSettings.Tracker labels;

    GitLabProductionIssues(GitLabJson json, String project, GitLabSettings.Tracker labels) {
        this.json = json;
        this.project = project;
        this.labels = labels;
    }

    @Override
    public List<Incident> activeIncidents() {
        List<Incident> incidents = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode issue : openIssuesLabelled(labels.incidentLabel(), UnableToReadIncidentsException::new))
            if (seen.add(idOf(issue))) incidents.add(incidentOf(issue));
        for (JsonNode issue : openIssuesLabelled(labels.blocksDeploymentsLabel(), UnableToReadIncidentsException::new)) {
            List<String> l = GitLabJson.labels(issue);
            if (isIncident(issue, l) && !l.contains(RESOLVED) && seen.add(idOf(issue))) incidents.add(incidentOf(issue));
        }
        incidents.sort(Comparator.comparing(Incident::openedAt));
        return incidents;
    }

    private Incident incidentOf(JsonNode issue) {
        List<String> l = GitLabJson.labels(issue);
        return new Incident(idOf(issue), issue.path("title").asText(""), severityOf(issue, l),
                l.contains(labels.blocksDeploymentsLabel()), issue.path("web_url").asText(""), openedAt(issue));
    }

    private static boolean isIncident(JsonNode issue, List<String> l) {
        return "incident".equals(issue.path("issue_type").asText("")) || "INCIDENT".equals(issue.path("type").asText(""))
                || l.stream().anyMatch(x -> x.startsWith("Incident::"));
    }

    @Override
    public List<ChangeRequest> activeChangeRequests() {
        List<ChangeRequest> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode issue : openIssuesLabelled(labels.changeLabel(), UnableToReadChangeRequestsException::new))
            if (seen.add(idOf(issue))) changes.add(changeOf(issue));
        for (JsonNode issue : openIssuesLabelled(labels.blocksDeploymentsLabel(), UnableToReadChangeRequestsException::new)) {
            List<String> l = GitLabJson.labels(issue);
            boolean isChange = !isIncident(issue, l) && (firstLevel(l, CRITICALITY).isPresent()
                    || l.stream().anyMatch(x -> x.startsWith("change::")));
            if (isChange && seen.add(idOf(issue))) changes.add(changeOf(issue));
        }
        changes.sort(Comparator.comparing(ChangeRequest::openedAt));
        return changes;
    }

    private ChangeRequest changeOf(JsonNode issue) {
        List<String> l = GitLabJson.labels(issue);
        return new ChangeRequest(idOf(issue), issue.path("title").asText(""),
                firstLevel(l, CRITICALITY).orElse(UNCLASSED_CHANGE), l.contains(labels.changeLabel()),
                l.contains(labels.blocksDeploymentsLabel()), issue.path("web_url").asText(""), openedAt(issue));
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

    private int severityOf(JsonNode issue, List<String> l) {
        Optional<Integer> fromLabel = firstLevel(l, SEVERITY);
        if (fromLabel.isPresent()) return fromLabel.get();
        Integer fromField = SEVERITY_FIELD.get(issue.path("severity").asText("").toUpperCase(Locale.ROOT));
        if (fromField != null) return fromField;
        log.warn("incident {} has no severity yet; counted as severity {}", idOf(issue), UNTRIAGED_SEVERITY);
        return UNTRIAGED_SEVERITY;
    }

    private static Optional<Integer> firstLevel(List<String> l, Pattern pattern) {
        for (String label : l) {
            Matcher m = pattern.matcher(label);
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
