package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.rules.checks.ProductionChecks;
import pdmbot.storage.Database;
import pdmbot.storage.Stores;
import pdmbot.storage.runs.JdbcRunStore;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.testing.TestDatabases;
import pdmbot.world.World;
import pdmbot.world.demo.DemoSeed;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.world.gitlab.GitLabWorld;

/**
 * A target the configuration adds (a Cells ring, issue 11 item 3) runs through the GitLab world over the project's GitLab
 * emulator seeded with the demo world: its package is the newest successful deployment of its environment, what ran there
 * the tree of its newest successful {@code db/<ring>} deployment (as gstg and gprd, gitlab-facts §3), its post-deploy
 * migrations through the deployer with its {@code DEPLOY_ENVIRONMENT}, recorded as {@code db/<ring>} deployments on the
 * security and canonical projects as release-tools records them. The ring is seeded like the demo seeds gstg: the
 * package gstg runs, and {@code db/<ring>} at the package gstg's post-deploy migrations last ran at.
 */
class ConfiguredTargetRunTest {

    static final Environment RING = Environment.define(new Environment.Definition("emulated-ring-0", false, true, null,
            null, Optional.empty()));
    static final Environment SKIPPED_RING = Environment.define(new Environment.Definition("emulated-ring-1", true, true, null,
            null, Optional.empty()));
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final Environment OTHER_RING = Environment.define(new Environment.Definition("emulated-ring-2", true, true, null,
            null, Optional.empty()));

    // One seeded emulator for the class (seeding takes seconds); each test runs on rings of its own.
    @TempDir
    static Path folder;
    static Emulator emulator;
    static DemoSeed.Seeded seeded;
    static GitLabWorld gitlab;
    // compiled once: the classification and the checks' rules take seconds to build
    static ClassifiedDatabases databases;
    static ProductionChecks rules;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(folder, 0, EmulatorClock.system(), EmulatorSettings.defaults()
                .withPipelineStep(Duration.ofMillis(20)));
        seeded = DemoSeed.ensure(emulator, DemoSeed.DEFAULT_SEED);
        for (Environment ring : List.of(RING, SKIPPED_RING, OTHER_RING)) seedRingLikeGstg(ring);
        gitlab = GitLabWorld.open(new GitLabSettings(emulator.url(), DemoSeed.CANONICAL, DemoSeed.SECURITY, DemoSeed.PRODUCTION,
                seeded.token(), "PDM_GITLAB_TOKEN", Duration.ofSeconds(10), Optional.of(seeded.releaseIssue()),
                PackageVersion.PATTERN, GitLabSettings.Pipelines.DEFAULT, GitLabSettings.Packages.GITLAB_COM,
                GitLabSettings.Tracker.DEFAULT, GitLabSettings.Ops.SAME));
        databases = ClassifiedDatabases.builtIn(gitlab.packages());
        rules = ProductionChecks.builtIn();
    }

    @AfterAll
    static void stop() {
        if (gitlab != null) gitlab.close();
        if (emulator != null) emulator.close();
    }

    @Test
    void a_configured_ring_between_gstg_and_gprd_is_locked_migrated_through_the_deployer_and_recorded_on_its_db_environment()
            throws Exception {
        RunPlan plan = RunPlan.of(List.of(new RunPlan.Target(Environment.GSTG, true, false),
                new RunPlan.Target(RING, false, false), new RunPlan.Target(Environment.GPRD, false, false)));
        try (Database database = TestDatabases.h2()) {
            Run run = run(database, plan);
            int pendingOnRing = run.pendingBefore().on(RING).size();
            assertThat(pendingOnRing).as("the ring has post-deploy migrations pending").isPositive();

            assertThat(run.record().state()).as(run.record().outcome()).isEqualTo(RunState.SUCCEEDED);
            assertThat(run.steps()).extracting(StepRecord::name).containsExactly("lock", "announce start", "gstg", "qa gstg",
                    RING.id(), "gprd", "unlock", "release note", "announce end");
            assertThat(run.announced()).anyMatch(a -> a.contains("post-deploy migrations on db/" + RING.id()) || a.contains("db/" + RING.id() + ":"));

            // the deployer was asked for the ring with its DEPLOY_ENVIRONMENT and the package the ring runs
            String ringPackage = gitlab.deployments().packageOn(RING).orElseThrow().version().toString();
            assertThat(deployerPipelinesFor(RING.deployEnvironment())).containsExactly(ringPackage);
            // recorded as release-tools records it: on security and canonical, finished success
            for (String project : List.of(DemoSeed.SECURITY, DemoSeed.CANONICAL))
                assertThat(get(project, "/deployments?environment=db%2F" + RING.id() + "&status=success&order_by=id&sort=desc")
                        .size()).as("successful db/%s deployments on %s", RING.id(), project).isEqualTo(2);
            // what was pending there ran, and nothing is left
            assertThat(run.executed().stream().filter(m -> m.environment() == RING).count()).isPositive();
            assertThat(run.pendingAfter().on(RING)).isEmpty();
            assertThat(run.stores().locks().lockOf(RING)).as("the ring is unlocked at the end").isEmpty();
            assertThat(run.steps()).filteredOn(s -> s.name().equals("lock")).extracting(StepRecord::outcome)
                    .containsExactly("locked gstg, " + RING.id() + " and gprd");
            assertThat(run.steps()).filteredOn(s -> s.name().equals("unlock")).extracting(StepRecord::outcome)
                    .containsExactly("unlocked gstg, " + RING.id() + " and gprd");
            assertThat(run.announced()).anyMatch(a -> a.contains("gstg, " + RING.id() + " and gprd are unlocked"));
        }
    }

    @Test
    void a_configured_ring_with_skip_true_is_left_out_of_the_run_and_keeps_its_pending_migrations() throws Exception {
        // gstg and gprd are the other test's: this run migrates another ring only, the skipped one listed before it
        RunPlan plan = RunPlan.of(List.of(new RunPlan.Target(SKIPPED_RING, true, true),
                new RunPlan.Target(OTHER_RING, false, false)));
        try (Database database = TestDatabases.h2()) {
            PendingPlan before = PendingPlan.of(world(), databases, List.of(SKIPPED_RING));
            assertThat(before.on(SKIPPED_RING)).isNotEmpty();

            Run run = run(database, plan);

            assertThat(run.record().state()).as(run.record().outcome()).isEqualTo(RunState.SUCCEEDED);
            assertThat(run.steps()).extracting(StepRecord::name).containsExactly("lock", "announce start", OTHER_RING.id(),
                    "unlock", "release note", "announce end");
            assertThat(deployerPipelinesFor(OTHER_RING.deployEnvironment())).hasSize(1);
            assertThat(run.stores().locks().lockOf(SKIPPED_RING)).isEmpty();
            assertThat(deployerPipelinesFor(SKIPPED_RING.deployEnvironment())).isEmpty();
            assertThat(get(DemoSeed.SECURITY, "/deployments?environment=db%2F" + SKIPPED_RING.id() + "&order_by=id&sort=desc")
                    .size()).as("only the seeded db/ deployment").isEqualTo(1);
            assertThat(PendingPlan.of(world(), databases, List.of(SKIPPED_RING))
                    .on(SKIPPED_RING)).isEqualTo(before.on(SKIPPED_RING));
            assertThat(run.announced()).noneMatch(a -> a.contains(SKIPPED_RING.id()));
        }
    }

    // ---- a run on the GitLab world ----

    private record Run(RunRecord record, List<StepRecord> steps, List<pdmbot.storage.runs.ExecutedMigration> executed,
                       PendingPlan pendingBefore, PendingPlan pendingAfter, List<String> announced, Stores stores) {
    }

    private static World world() {
        return new World("the emulator", gitlab.packages(), gitlab.deployments(), gitlab.databases(),
                gitlab.releaseNotes().orElseThrow());
    }

    private static Run run(Database database, RunPlan plan) {
        Stores stores = database.stores();
        Clock clock = Clock.systemUTC();
        World world = world();
        RunResources resources = new RunResources(world, gitlab.operations(), stores.locks(), version -> Optional.empty(),
                databases, clock, Duration.ofMillis(20), Pacer.NONE);
        RunChecks checks = new RunChecks(rules, world, resources.databases(), gitlab.operations(),
                stores.locks(), new ConfiguredChangeLocks(List.of()), clock);
        List<String> announced = Collections.synchronizedList(new ArrayList<>());
        try (RunService runs = new RunService(JdbcRunStore.on(database.dataSource(), clock), checks, plan, resources,
                (topic, message) -> announced.add(message.plainText()), "configured-target-test", Duration.ofMinutes(5))) {
            RunChecks.Result checked = runs.check();
            PendingPlan before = checked.plan();
            assertThat(checked.report().verdict().allowsTheRun()).as(checked.report().toString()).isTrue();
            RunService.StartResult started = runs.start("alice", checked);
            assertThat(started).isInstanceOf(RunService.Started.class);
            long id = ((RunService.Started) started).run().id();
            assertThat(runs.awaitIdle(Duration.ofSeconds(60))).as("the run stopped moving in time").isTrue();
            PendingPlan after = PendingPlan.of(world, resources.databases(), plan.environments());
            synchronized (announced) {
                return new Run(runs.store().run(id).orElseThrow(), runs.store().steps(id), runs.store().executed(id), before,
                        after, List.copyOf(announced), stores);
            }
        }
    }

    // ---- the emulator ----

    /** The ring runs what gstg runs; its post-deploy migrations ran where gstg's did (so what is pending is gstg's). */
    private static void seedRingLikeGstg(Environment ring) throws Exception {
        for (String project : List.of(DemoSeed.SECURITY, DemoSeed.CANONICAL, DemoSeed.OMNIBUS)) {
            JsonNode deployed = get(project, "/deployments?environment=gstg&status=success&order_by=id&sort=desc&per_page=1").get(0);
            record(project, ring.id(), deployed);
            JsonNode migrated = get(project, "/deployments?environment=db%2Fgstg&status=success&order_by=id&sort=desc&per_page=1");
            if (migrated.size() > 0) record(project, ring.databaseEnvironment(), migrated.get(0));
        }
    }

    private static void record(String project, String environment, JsonNode like) {
        Instant at = Instant.parse(like.path("created_at").asText());
        emulator.seed().deployment(project, environment, like.path("ref").asText(), like.path("sha").asText(), false,
                "success", "gitlab-release-tools-bot", at, at.plus(Duration.ofMinutes(20)));
    }

    /** The DEPLOY_VERSION of every deployer pipeline whose DEPLOY_ENVIRONMENT is {@code environment}. */
    private static List<String> deployerPipelinesFor(String environment) throws Exception {
        List<String> versions = new ArrayList<>();
        for (JsonNode pipeline : get(DemoSeed.DEPLOYER, "/pipelines?per_page=100")) {
            JsonNode variables = get(DemoSeed.DEPLOYER, "/pipelines/" + pipeline.path("id").asLong() + "/variables");
            String env = "";
            String version = "";
            for (JsonNode v : variables) {
                if (v.path("key").asText().equals("DEPLOY_ENVIRONMENT")) env = v.path("value").asText();
                if (v.path("key").asText().equals("DEPLOY_VERSION")) version = v.path("value").asText();
            }
            if (env.equals(environment)) versions.add(version);
        }
        return versions;
    }

    private static JsonNode get(String project, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.url() + "/api/v4/projects/"
                        + URLEncoder.encode(project, StandardCharsets.UTF_8) + path))
                .header("PRIVATE-TOKEN", seeded.token()).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
