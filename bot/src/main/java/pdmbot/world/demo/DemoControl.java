package pdmbot.world.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;

/**
 * What the {@code demo …} commands do, done to the demo's GitLab emulator through its API as a person or release
 * tooling would: incidents and change requests are issues of the production tracker with GitLab.com's labels
 * (gitlab-facts §4), deployments are recorded as release-tools' DeploymentTracker records them (§3: security with
 * the auto-deploy branch, canonical with {@code master}, omnibus with the package tag), and planned failures go to
 * the emulator's control API ({@code /-/emulator/failures}).
 */
public final class DemoControl {

    /** Labels of the production tracker (release-tools' active_incidents.rb, change_requests.rb). */
    static final String INCIDENT = "Incident::Active";
    static final String CHANGE = "change::in-progress";
    static final String BLOCKS = "blocks deployments";
    static final String QA = "qa";

    /** An issue opened on the tracker: its id as the production checks name it ({@code project#iid}). */
    public record Opened(String id, boolean blocksDeployments) {
    }

    /** A deployment started on an environment: the package and the omnibus deployment's id. */
    public record Started(String packageVersion, long deployment) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoControl(String url, String token) {
        this.url = url;
        this.token = token;
    }

    public Opened openIncident(int severity, boolean blocking) {
        return open("Demo incident: elevated error rates", "incident",
                labels(INCIDENT, "severity::" + severity, blocking), blocking);
    }

    public Opened openChangeRequest(int criticality, boolean blocking) {
        return open("Demo change: database maintenance", "issue", labels(CHANGE, "C" + criticality, blocking), blocking);
    }

    /** Closes every open issue labelled {@value #INCIDENT}; how many there were. */
    public int closeIncidents() {
        return closeLabelled(INCIDENT);
    }

    public int closeChangeRequests() {
        return closeLabelled(CHANGE);
    }

    private static String labels(String kind, String level, boolean blocking) {
        return kind + "," + level + (blocking ? "," + BLOCKS : "");
    }

    private Opened open(String title, String type, String labels, boolean blocking) {
        JsonNode issue = call("POST", project(DemoSeed.PRODUCTION) + "/issues", form(Map.of("title", title,
                "labels", labels, "issue_type", type)));
        return new Opened(DemoSeed.PRODUCTION + "#" + issue.path("iid").asText(), blocking);
    }

    private int closeLabelled(String label) {
        int closed = 0;
        for (JsonNode issue : call("GET", project(DemoSeed.PRODUCTION) + "/issues?state=opened&per_page=100&labels="
                + encode(label), null)) {
            call("PUT", project(DemoSeed.PRODUCTION) + "/issues/" + issue.path("iid").asText(), form(Map.of("state_event", "close")));
            closed++;
        }
        return closed;
    }

    /**
     * Records a {@code running} deployment of {@code pkg} on the environment, on the three projects release-tools
     * records it on; one already running there is returned as it is.
     */
    public Started startDeployment(Environment environment, AutoDeployPackage pkg) {
        Optional<JsonNode> already = running(DemoSeed.OMNIBUS, environment).stream().findFirst();
        if (already.isPresent()) return new Started(versionOf(already.get()), already.get().path("id").asLong());
        String tag = pkg.refName().replaceFirst("^refs/tags/", "");
        String omnibusSha = "";
        for (JsonNode t : call("GET", project(DemoSeed.OMNIBUS) + "/repository/tags?search=" + encode("^" + tag), null))
            if (t.path("name").asText().equals(tag)) omnibusSha = t.path("commit").path("id").asText();
        if (omnibusSha.isEmpty()) throw new UnableToControlDemoException("the demo's GitLab has no package tag " + tag);
        String sha = pkg.commitSha();
        record(DemoSeed.SECURITY, environment, autoDeployBranch(sha).orElse(sha), sha, false);
        record(DemoSeed.CANONICAL, environment, "master", sha, false);
        JsonNode omnibus = record(DemoSeed.OMNIBUS, environment, tag, omnibusSha, true);
        return new Started(pkg.version().toString(), omnibus.path("id").asLong());
    }

    /** Marks the environment's running deployments {@code success}; the package they deployed, if any ran. */
    public Optional<String> finishDeployment(Environment environment) {
        Optional<String> version = Optional.empty();
        for (String p : List.of(DemoSeed.SECURITY, DemoSeed.CANONICAL, DemoSeed.OMNIBUS)) {
            for (JsonNode d : running(p, environment)) {
                call("PUT", project(p) + "/deployments/" + d.path("id").asText(), form(Map.of("status", "success")));
                if (p.equals(DemoSeed.OMNIBUS)) version = Optional.of(versionOf(d));
            }
        }
        return version;
    }

    private List<JsonNode> running(String p, Environment environment) {
        List<JsonNode> all = new ArrayList<>();
        call("GET", project(p) + "/deployments?status=running&order_by=id&sort=asc&per_page=100&environment="
                + encode(environment.id()), null).forEach(all::add);
        return all;
    }

    private static String versionOf(JsonNode deployment) {
        String ref = deployment.path("ref").asText();
        return PackageVersion.find(ref).map(PackageVersion::toString).orElse(ref);
    }

    private JsonNode record(String p, Environment environment, String ref, String sha, boolean tag) {
        return call("POST", project(p) + "/deployments", form(Map.of("environment", environment.id(), "ref", ref,
                "sha", sha, "tag", String.valueOf(tag), "status", "running")));
    }

    /** The package's own auto-deploy branch: the earliest cut of those holding its commit (release-tools' naming). */
    private Optional<String> autoDeployBranch(String sha) {
        List<String> branches = new ArrayList<>();
        for (JsonNode ref : call("GET", project(DemoSeed.SECURITY) + "/repository/commits/" + sha + "/refs?type=branch&per_page=100", null))
            if (ref.path("name").asText().matches("\\d+-\\d+-auto-deploy-\\d{8,}")) branches.add(ref.path("name").asText());
        return branches.stream().min(Comparator.comparing(b -> b.substring(b.lastIndexOf('-') + 1)));
    }

    /**
     * The next post-deploy migration pipeline (on {@code environment} when given) fails at {@code version}; {@value #QA}
     * instead of a version: the next QA pipeline fails. Planning the same failure twice plans it once.
     */
    public void failNext(String versionOrQa, Optional<Environment> environment) {
        failNext(versionOrQa, environment, Optional.empty());
    }

    /** As {@link #failNext(String, Optional)}, the failed job logging {@code error} as its exception when given. */
    public void failNext(String versionOrQa, Optional<Environment> environment, Optional<String> error) {
        if (plannedFailures().contains(versionOrQa)) return;
        ObjectNode body = JSON.createObjectNode();
        if (versionOrQa.equals(QA)) {
            body.put("project", DemoSeed.QA);
        } else {
            body.put("project", DemoSeed.DEPLOYER).put("migration", versionOrQa);
            environment.ifPresent(e -> body.putObject("variables").put("DEPLOY_ENVIRONMENT", e.id()));
        }
        error.ifPresent(line -> body.put("error", line));
        send("POST", "/-/emulator/failures", HttpRequest.BodyPublishers.ofString(body.toString()), "application/json");
    }

    /** Every failure still planned, in the order planned: migration versions, or {@value #QA}. */
    public List<String> plannedFailures() {
        List<String> all = new ArrayList<>();
        for (JsonNode f : send("GET", "/-/emulator/failures", HttpRequest.BodyPublishers.noBody(), null))
            all.add(f.path("project").asText().equals(DemoSeed.QA) ? QA : f.path("migration").asText());
        return all;
    }

    public int clearFailures() {
        return send("DELETE", "/-/emulator/failures", HttpRequest.BodyPublishers.noBody(), null).path("cleared").asInt();
    }

    /** Moves the emulator's clock forward (pipelines move with it). */
    public Instant advanceClock(Duration by) {
        return Instant.parse(send("POST", "/-/emulator/clock/advance?seconds=" + by.toSeconds(),
                HttpRequest.BodyPublishers.noBody(), null).path("now").asText());
    }

    private static String project(String path) {
        return "/api/v4/projects/" + encode(path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return out.toString();
    }

    private JsonNode call(String method, String path, String form) {
        return send(method, path, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form),
                form == null ? null : "application/x-www-form-urlencoded");
    }

    private JsonNode send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(20))
                .header("PRIVATE-TOKEN", token).method(method, body);
        if (contentType != null) request.header("Content-Type", contentType);
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2)
                throw new UnableToControlDemoException("the demo's GitLab answered " + answer.statusCode() + " to " + method
                        + " " + path.replaceAll("\\?.*", "") + ": " + answer.body());
            return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UnableToControlDemoException("the demo's GitLab at " + url + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnableToControlDemoException("interrupted while calling the demo's GitLab");
        }
    }
}
