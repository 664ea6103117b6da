package pdmbot.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.PendingMigrations;
import pdmbot.world.World;
import pdmbot.world.demo.DemoControl;
import pdmbot.world.demo.DemoSeed;

/**
 * What a test reads of the demo's GitLab emulator, through its API as anyone would (the address and token a bot on
 * the folder wrote to {@code <data>/demo/emulator.json}), plus the demo controls: which pipelines were created, the
 * {@code db/…} deployments a run recorded, merge request labels, planned failures.
 */
final class DemoProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT_USER = "pdm-operator";
    private final String url;
    private final String token;
    private final World world;
    private final DemoControl control;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoProbe(Path dataDir, World world) {
        try {
            JsonNode address = JSON.readTree(Files.readString(dataDir.resolve("demo").resolve("emulator.json")));
            this.url = address.path("url").asText();
            this.token = address.path("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.world = world;
        this.control = new DemoControl(url, token);
    }

    DemoControl control() {
        return control;
    }

    /** Pipelines created on the deployer ({@code pdm}) or the QA project ({@code qa}). */
    long pipelinesStarted(String kind) {
        String project = kind.equals("qa") ? DemoSeed.QA : DemoSeed.DEPLOYER;
        return get("/projects/" + encode(project) + "/pipelines?per_page=100").size();
    }

    /** The db/ deployments the bot recorded on the canonical and the security project, oldest first. */
    List<DeploymentRecord> deploymentRecords() {
        return recorded().keySet().stream().toList();
    }

    /** Every db/ deployment the bot recorded (the seed's are release-tools'), with its status, oldest first. */
    private Map<DeploymentRecord, String> recorded() {
        Map<DeploymentRecord, String> all = new LinkedHashMap<>();
        for (DeploymentProject project : DeploymentProject.values()) {
            String path = project == DeploymentProject.CANONICAL ? DemoSeed.CANONICAL : DemoSeed.SECURITY;
            for (String db : List.of("db/gstg", "db/gprd"))
            for (JsonNode d : get("/projects/" + encode(path) + "/deployments?order_by=id&sort=desc&per_page=100&environment="
                    + encode(db))) {
                String environment = d.path("environment").path("name").asText();
                if (!d.path("user").path("username").asText().equals(BOT_USER)) continue;
                String sha = d.path("sha").asText();
                String version = world.packages().packages().stream().filter(p -> p.commitSha().equals(sha))
                        .map(AutoDeployPackage::toString).reduce((a, b) -> b).orElse(sha);
                all.put(new DeploymentRecord(project, Environment.byId(environment.substring(3)).orElseThrow(),
                        d.path("id").asText(), version, ""), d.path("status").asText());
            }
        }
        Map<DeploymentRecord, String> byId = new LinkedHashMap<>();
        all.keySet().stream().sorted(java.util.Comparator.comparing(r -> Long.parseLong(r.id())))
                .forEach(r -> byId.put(r, all.get(r)));
        return byId;
    }

    Optional<String> statusOf(String deploymentId) {
        return recorded().entrySet().stream().filter(e -> e.getKey().id().equals(deploymentId)).map(Map.Entry::getValue)
                .findFirst();
    }

    /** Labels of the merge requests that brought these migrations (found as the bot finds them: ledger, commit). */
    Map<Integer, List<String>> labelsOfMergeRequestsOf(List<String> versions, pdmbot.storage.ledger.LedgerStore ledger) {
        Map<Integer, List<String>> all = new LinkedHashMap<>();
        for (String version : versions) {
            Optional<Integer> iid = ledger.changesOf(version).stream()
                    .filter(e -> e.kind() == pdmbot.storage.ledger.LedgerChange.Kind.ADDED && e.commitSha() != null)
                    .findFirst().flatMap(e -> world.packages().commit(e.commitSha()))
                    .flatMap(pdmbot.world.CommitInfo::mergeRequest).map(pdmbot.world.MergeRequestRef::iid);
            if (iid.isEmpty()) continue;
            List<String> labels = new ArrayList<>();
            get("/projects/" + encode(DemoSeed.CANONICAL) + "/merge_requests/" + iid.get()).path("labels")
                    .forEach(l -> labels.add(l.asText()));
            all.put(iid.get(), labels);
        }
        return all;
    }

    /** The versions pending on gstg and gprd now. */
    List<String> pendingVersions() {
        PendingMigrations pending = new PendingMigrations(world.packages(), world.deployments(), world.databases(),
                ClassifiedDatabases.builtIn(world.packages()));
        List<String> all = new ArrayList<>();
        for (Environment e : List.of(Environment.GSTG, Environment.GPRD))
            pending.pendingOn(e).forEach(m -> all.add(m.migration().version()));
        return all.stream().distinct().toList();
    }

    int pendingMigrationsLeft() {
        PendingMigrations pending = new PendingMigrations(world.packages(), world.deployments(), world.databases(),
                ClassifiedDatabases.builtIn(world.packages()));
        return pending.pendingOn(Environment.GSTG).size() + pending.pendingOn(Environment.GPRD).size();
    }

    List<String> plannedFailures() {
        return control.plannedFailures();
    }

    void failNext(String versionOrQa) {
        control.failNext(versionOrQa, Optional.empty());
    }

    /** An open incident of the production tracker: its title and its {@code severity::N} label (0 without one). */
    record TrackedIncident(String title, int severity) {
    }

    /** Open issues of the production tracker labelled {@code Incident::Active}, oldest first. */
    List<TrackedIncident> activeIncidents() {
        List<TrackedIncident> all = new ArrayList<>();
        get("/projects/" + encode(DemoSeed.PRODUCTION) + "/issues?state=opened&labels=Incident::Active&per_page=100&sort=asc")
                .forEach(i -> {
                    int severity = 0;
                    for (JsonNode label : i.path("labels"))
                        if (label.asText().matches("severity::[1-4]")) severity = Integer.parseInt(label.asText().substring(10));
                    all.add(new TrackedIncident(i.path("title").asText(), severity));
                });
        return all;
    }

    /** The notes on the release issue ({@code gitlab-org/release/tasks#1}), oldest first. */
    List<String> releaseNotes() {
        List<String> all = new ArrayList<>();
        get("/projects/" + encode(DemoSeed.RELEASE_TASKS) + "/issues/1/notes?per_page=100&sort=asc")
                .forEach(n -> all.add(n.path("body").asText()));
        return all;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v4" + path))
                    .header("PRIVATE-TOKEN", token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) throw new AssertionError("GET " + path + " answered " + answer.statusCode()
                    + ": " + answer.body());
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
