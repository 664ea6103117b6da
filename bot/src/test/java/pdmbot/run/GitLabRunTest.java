package pdmbot.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.ledger.LedgerIngestion;
import pdmbot.rules.checks.ProductionChecks;
import pdmbot.storage.Database;
import pdmbot.storage.Stores;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.storage.runs.JdbcRunStore;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;
import pdmbot.storage.testing.TestDatabases;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.durations.DefaultDurations;
import pdmbot.durations.MigrationDurations;
import pdmbot.durations.MigrationProfile;
import pdmbot.durations.TableSize;
import pdmbot.world.DatabaseState;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MigrationRun;
import pdmbot.world.PendingMigration;
import pdmbot.world.World;
import pdmbot.world.demo.GeneratedCheckout;
import pdmbot.world.gitlab.GitLabRefusals;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.world.gitlab.GitLabWorld;

/**
 * A whole PDM run through {@link RunService} whose operations (running deployments, incidents, change requests,
 * pipelines, QA, deployment records, merge request labels, the release note) are the GitLab implementations talking
 * to a WireMock GitLab with GitLab's documented payloads. What is pending comes from a demo world; which migrations
 * ran flips to "ran" when GitLab reports the environment's post-deploy migration pipeline succeeded.
 *
 * <p>The gstg pipeline fails first (its failed job's log names the migration); {@code retry} starts a new one, which
 * succeeds, and the run goes on through QA, gprd, unlock and the release note.
 */
class GitLabRunTest {

    static final String TOKEN = "not-a-real-token-GITLAB-RUN-5678";
    static final String CANONICAL = "gitlab-org/gitlab";
    static final String SECURITY = "gitlab-org/security/gitlab";
    static final String PRODUCTION = "gitlab-com/gl-infra/production";
    static final String DEPLOYER = "gitlab-com/gl-infra/deployer";
    static final String QA = "gitlab-org/quality/staging";
    static final String RELEASE_TASKS = "gitlab-org/release/tasks";

    static final long GSTG_FAILED = 902001;
    static final long GSTG_RETRIED = 902002;
    static final long QA_PIPELINE = 902003;
    static final long GPRD = 902004;
    static final long FAILED_JOB = 56600001;

    /** Deployment ids GitLab gives: {canonical, security} per environment and attempt. */
    static final long[] GSTG_ATTEMPT_1 = {6001, 6002};
    static final long[] GSTG_ATTEMPT_2 = {6011, 6012};
    static final long[] GPRD_ATTEMPT_1 = {6021, 6022};

    static final String STAGING_LABEL = "workflow::post-deploy-db-staging";
    static final String PRODUCTION_LABEL = "workflow::post-deploy-db-production";

    @RegisterExtension
    static WireMockExtension gitlab = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    @Test
    void a_run_fails_in_gstg_on_gitlab_and_a_retry_finishes_it_with_every_side_effect_once() {
        // the facts come from a local checkout of the demo's generated history (not the emulator): WireMock answers the GitLab side
        try (GeneratedCheckout demo = GeneratedCheckout.generate(dir);
             Database database = TestDatabases.h2();
             GitLabWorld gitlabWorld = GitLabWorld.open(settings())) {
            Stores stores = database.stores();
            // The ledger knows which commit added each migration; its own notes are not this test's business.
            List<String> ledgerNotes = Collections.synchronizedList(new ArrayList<>());
            new LedgerIngestion(demo.packages(), stores.ledger(), stores.releaseNotes(), markdown -> {
                ledgerNotes.add(markdown);
                return "ledger note " + ledgerNotes.size();
            }).catchUp();

            Map<Environment, List<PendingMigration>> planned = new java.util.TreeMap<>();
            for (Environment e : List.of(Environment.GSTG, Environment.GPRD))
                planned.put(e, demo.pendingMigrations(ClassifiedDatabases.builtIn(demo.packages())).pendingOn(e));
            assertThat(planned.get(Environment.GSTG)).as("the demo world has migrations pending on gstg").isNotEmpty();
            assertThat(planned.get(Environment.GPRD)).as("the demo world has migrations pending on gprd").isNotEmpty();
            AutoDeployPackage gstgPackage = demo.deployments().packageOn(Environment.GSTG).orElseThrow();
            AutoDeployPackage gprdPackage = demo.deployments().packageOn(Environment.GPRD).orElseThrow();
            PendingMigration failing = planned.get(Environment.GSTG).get(0);

            stubGitLab(gstgPackage, gprdPackage, failing);
            stubJobsAndTraces(planned, failing);

            Map<Environment, Long> succeededPipeline = Map.of(Environment.GSTG, GSTG_RETRIED, Environment.GPRD, GPRD);
            DatabaseState databases = new PipelineDrivenDatabases(demo.databases(), planned, succeededPipeline);
            World world = new World("demo facts, GitLab side effects", demo.packages(), demo.deployments(), databases,
                    gitlabWorld.releaseNotes().orElseThrow());
            MergeRequestOf mergeRequests = version -> stores.ledger().changesOf(version).stream()
                    .filter(e -> e.kind() == LedgerChange.Kind.ADDED && e.commitSha() != null)
                    .findFirst()
                    .map(LedgerEntry::commitSha)
                    .flatMap(sha -> demo.packages().commit(sha))
                    .flatMap(CommitInfo::mergeRequest);
            Map<Environment, Set<MergeRequestRef>> expectedLabels = new java.util.TreeMap<>();
            for (Environment e : planned.keySet()) {
                Set<MergeRequestRef> refs = new LinkedHashSet<>();
                for (PendingMigration m : planned.get(e)) mergeRequests.of(m.migration().version()).ifPresent(refs::add);
                expectedLabels.put(e, refs);
            }
            assertThat(expectedLabels.get(Environment.GSTG)).as("pending gstg migrations with a merge request").isNotEmpty();

            Clock clock = Clock.systemUTC();
            MigrationDurations durations = new MigrationDurations(stores.durations(),
                    (environment, migration) -> new MigrationProfile("ddl_cleanup", TableSize.ORDINARY),
                    DefaultDurations.builtIn(), clock);
            RunResources resources = new RunResources(world, gitlabWorld.operations(), stores.locks(), mergeRequests,
                    ClassifiedDatabases.builtIn(world.packages()), clock, Duration.ofMillis(1), Pacer.NONE, durations);
            RunChecks checks = new RunChecks(ProductionChecks.builtIn(), world, resources.databases(), gitlabWorld.operations(), stores.locks(),
                    new ConfiguredChangeLocks(List.of()), clock);
            List<String> announced = Collections.synchronizedList(new ArrayList<>());
            try (RunService runs = new RunService(JdbcRunStore.on(database.dataSource(), clock), checks, RunPlan.standard(), resources,
                    (topic, message) -> announced.add("[" + topic + "] " + message.plainText()), "gitlab-run-test",
                    Duration.ofMinutes(5))) {

                // --- start: the gstg pipeline fails ---
                RunChecks.Result checked = runs.check();
                assertThat(checked.report().verdict().allowsTheRun()).as(checked.report().toString()).isTrue();
                RunService.StartResult started = runs.start("alice", checked);
                assertThat(started).isInstanceOf(RunService.Started.class);
                long runId = ((RunService.Started) started).run().id();
                assertThat(runs.awaitIdle(Duration.ofSeconds(15))).as("the run stopped moving in time").isTrue();

                RunRecord failed = runs.store().run(runId).orElseThrow();
                assertThat(failed.state()).isEqualTo(RunState.FAILED);
                StepRecord at = runs.currentStep(runId).orElseThrow();
                assertThat(at.name()).isEqualTo("gstg");
                assertThat(at.state()).isEqualTo(StepState.FAILED);
                assertThat(failed.outcome()).contains(failing.migration().version(), failing.migration().name(),
                        "db/gstg", "gstg-migrations",
                        "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout");
                assertThat(at.outcome()).isEqualTo(failed.outcome());
                assertThat(runs.store().executed(runId)).isEmpty();
                assertThat(stores.locks().lockOf(Environment.GSTG)).as("gstg stays locked").isPresent();
                assertThat(stores.locks().lockOf(Environment.GPRD)).as("gprd stays locked").isPresent();
                synchronized (announced) {
                    assertThat(announced).anyMatch(a -> a.contains("failed at step gstg")
                            && a.contains("/-/jobs/" + FAILED_JOB));
                }

                assertThat(pipelinesCreated(DEPLOYER)).isEqualTo(1);
                assertThat(pipelinesCreated(QA)).isZero();
                assertDeploymentsCreated(Environment.GSTG, gstgPackage, 1);
                for (long id : GSTG_ATTEMPT_1) assertFinished(id, "failed");
                gitlab.verify(0, putRequestedFor(urlPathMatching("/api/v4/projects/[^/]+/merge_requests/\\d+")));
                gitlab.verify(0, postRequestedFor(urlPathEqualTo(notesPath())));

                // --- retry: a new gstg pipeline succeeds, then QA, gprd, unlock, release note ---
                RunService.RetryResult retried = runs.retry(runId, "alice");
                assertThat(retried).isInstanceOf(RunService.Resumed.class);
                assertThat(((RunService.Resumed) retried).from().name()).isEqualTo("gstg");
                assertThat(runs.awaitIdle(Duration.ofSeconds(15))).as("the retried run stopped moving in time").isTrue();

                RunRecord done = runs.store().run(runId).orElseThrow();
                assertThat(done.state()).as(done.outcome()).isEqualTo(RunState.SUCCEEDED);
                assertThat(runs.store().steps(runId)).extracting(StepRecord::state).containsOnly(StepState.SUCCEEDED);
                assertThat(runs.store().steps(runId)).filteredOn(s -> s.name().equals("gstg"))
                        .extracting(StepRecord::attempt).containsExactly(2);
                int expectedExecuted = planned.get(Environment.GSTG).size() + planned.get(Environment.GPRD).size();
                assertThat(runs.store().executed(runId)).hasSize(expectedExecuted);
                assertThat(stores.locks().lockOf(Environment.GSTG)).isEmpty();
                assertThat(stores.locks().lockOf(Environment.GPRD)).isEmpty();

                // pipelines: gstg failed + gstg retried + gprd in the deployer project, one QA pipeline
                assertThat(pipelinesCreated(DEPLOYER)).isEqualTo(3);
                assertThat(pipelinesCreated(QA)).isEqualTo(1);
                assertPipelineCreated(DEPLOYER, "pdm-run-" + runId + "/gstg/attempt-1/pipeline", "gstg", gstgPackage);
                assertPipelineCreated(DEPLOYER, "pdm-run-" + runId + "/gstg/attempt-2/pipeline", "gstg", gstgPackage);
                assertPipelineCreated(DEPLOYER, "pdm-run-" + runId + "/gprd/attempt-1/pipeline", "gprd", gprdPackage);
                gitlab.verify(1, postRequestedFor(urlPathEqualTo(api(QA) + "/pipeline"))
                        .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'QA_ENVIRONMENT')].value", equalTo("gstg"))));

                // deployments: db/gstg twice per project (failed attempt, retry), db/gprd once; each finished once
                assertDeploymentsCreated(Environment.GSTG, gstgPackage, 2);
                assertDeploymentsCreated(Environment.GPRD, gprdPackage, 1);
                for (long id : GSTG_ATTEMPT_1) assertFinished(id, "failed");
                for (long id : GSTG_ATTEMPT_2) assertFinished(id, "success");
                for (long id : GPRD_ATTEMPT_1) assertFinished(id, "success");

                // labels: once per merge request and environment, and nothing else
                int labelPuts = 0;
                for (Environment e : expectedLabels.keySet()) {
                    String label = e == Environment.GSTG ? STAGING_LABEL : PRODUCTION_LABEL;
                    for (MergeRequestRef mr : expectedLabels.get(e)) {
                        gitlab.verify(1, putRequestedFor(urlPathEqualTo(api(mr.projectPath()) + "/merge_requests/" + mr.iid()))
                                .withRequestBody(equalTo("add_labels=" + URLEncoder.encode(label, StandardCharsets.UTF_8))));
                        labelPuts++;
                    }
                }
                gitlab.verify(labelPuts, putRequestedFor(urlPathMatching("/api/v4/projects/[^/]+/merge_requests/\\d+")));

                // one note on the release issue, naming the run and the migrations
                gitlab.verify(1, postRequestedFor(urlPathEqualTo(notesPath()))
                        .withRequestBody(containing(URLEncoder.encode("Post-deploy migrations: run #" + runId,
                                StandardCharsets.UTF_8)))
                        .withRequestBody(containing(failing.migration().version())));

                // the durations the pipelines' job logs gave: the failed one, then every migration of the retried gstg
                // pipeline and of gprd, per database (issue 14 item 3)
                for (Environment e : List.of(Environment.GSTG, Environment.GPRD))
                    for (PendingMigration m : planned.get(e))
                        assertThat(stores.durations().of(e, m.database(), m.migration().version()))
                                .as("the duration of %s on %s %s", m.migration().version(), e, m.database())
                                .hasValueSatisfying(d -> assertThat(d.took()).contains(tookIn(m)));

                // every call authenticated, none unanswered
                List<ServeEvent> all = gitlab.getAllServeEvents();
                assertThat(all).isNotEmpty();
                assertThat(all).allSatisfy(e -> assertThat(e.getRequest().getHeader("PRIVATE-TOKEN"))
                        .as(e.getRequest().getMethod() + " " + e.getRequest().getUrl()).isEqualTo(TOKEN));
                assertThat(gitlab.findAllUnmatchedRequests()).isEmpty();
                gitlab.verify(all.size(), anyRequestedFor(anyUrl()));
            }
        }
    }

    // ---- GitLab as WireMock serves it ----

    private void stubGitLab(AutoDeployPackage gstgPackage, AutoDeployPackage gprdPackage, PendingMigration failing) {
        GitLabRefusals.install(gitlab::stubFor);
        // checks: nothing deploying, no incident, no change request
        for (String project : List.of(CANONICAL, SECURITY))
            gitlab.stubFor(get(urlPathEqualTo(api(project) + "/deployments")).withQueryParam("status", equalTo("running"))
                    .willReturn(jsonList("[]")));
        for (String label : List.of("Incident::Active", "change::in-progress", "blocks deployments"))
            gitlab.stubFor(get(urlPathEqualTo(api(PRODUCTION) + "/issues")).withQueryParam("labels", equalTo(label))
                    .withQueryParam("state", equalTo("opened")).willReturn(jsonList("[]")));

        // pipelines: none started earlier with our effect keys, among the bot user's own (GET /user, lib/api/users.rb)
        gitlab.stubFor(get(urlPathEqualTo("/api/v4/user")).willReturn(json(currentUser())));
        for (String project : List.of(DEPLOYER, QA))
            gitlab.stubFor(get(urlPathEqualTo(api(project) + "/pipelines")).withQueryParam("source", equalTo("api"))
                    .willReturn(jsonList("[]")));
        stubPipelineCreated(DEPLOYER, "/gstg/attempt-1/pipeline", GSTG_FAILED);
        stubPipelineCreated(DEPLOYER, "/gstg/attempt-2/pipeline", GSTG_RETRIED);
        stubPipelineCreated(DEPLOYER, "/gprd/attempt-1/pipeline", GPRD);
        stubPipelineCreated(QA, "/qa/attempt-1/pipeline", QA_PIPELINE);
        stubPipelineRunsThen(DEPLOYER, GSTG_FAILED, "failed");
        stubPipelineRunsThen(DEPLOYER, GSTG_RETRIED, "success");
        stubPipelineRunsThen(QA, QA_PIPELINE, "success");
        stubPipelineRunsThen(DEPLOYER, GPRD, "success");
        gitlab.stubFor(get(urlPathEqualTo(api(DEPLOYER) + "/pipelines/" + GSTG_FAILED + "/jobs"))
                .withQueryParam("scope[]", equalTo("failed"))
                .willReturn(jsonList(fixture("pipeline-failed-jobs.json", Map.of("ID", String.valueOf(GSTG_FAILED),
                        "JOB_ID", String.valueOf(FAILED_JOB))))));
        gitlab.stubFor(get(urlPathEqualTo(api(DEPLOYER) + "/jobs/" + FAILED_JOB + "/trace"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain")
                        .withBody(fixture("job-trace-gstg-migration-failed.log", Map.of(
                                "VERSION", failing.migration().version(), "CLASS", failing.migration().className(),
                                "PATH", failing.migration().path())))));

        // deployment records on db/gstg (two attempts) and db/gprd, canonical and security
        stubDeployments(Environment.GSTG, gstgPackage, GSTG_ATTEMPT_1, GSTG_ATTEMPT_2);
        stubDeployments(Environment.GPRD, gprdPackage, GPRD_ATTEMPT_1);

        // merge request labels and the release note
        gitlab.stubFor(put(urlPathMatching("/api/v4/projects/[^/]+/merge_requests/\\d+"))
                .willReturn(json(fixture("merge-request-labelled.json", Map.of()))));
        gitlab.stubFor(post(urlPathEqualTo(notesPath()))
                .willReturn(json(fixture("release-issue-note.json", Map.of())).withStatus(201)));
    }

    /** How long each planned migration took in the job logs served: 1.5 s, 2.5 s, … by its place in the plan. */
    private static Duration tookIn(PendingMigration m) {
        return Duration.ofMillis(1500 + 1000L * (Long.parseLong(m.migration().version().substring(8)) % 7));
    }

    /**
     * Every deployer pipeline lists its one migrations job; the failed one's log stops at the failing migration, the
     * succeeded ones print each planned migration as {@code db:migrate} does ({@code main: == … migrated (1.5000s)}).
     */
    private static void stubJobsAndTraces(Map<Environment, List<PendingMigration>> planned, PendingMigration failing) {
        Map<Long, Environment> succeeded = Map.of(GSTG_RETRIED, Environment.GSTG, GPRD, Environment.GPRD);
        gitlab.stubFor(get(urlPathEqualTo(api(DEPLOYER) + "/pipelines/" + GSTG_FAILED + "/jobs"))
                .withQueryParam("scope[]", absent())
                .willReturn(jsonList(fixture("pipeline-jobs.json", Map.of("ID", String.valueOf(GSTG_FAILED),
                        "JOB_ID", String.valueOf(FAILED_JOB), "STATUS", "failed", "ENV", "gstg",
                        "FAILURE_REASON", "\"failure_reason\": \"script_failure\",\n    ")))));
        for (Map.Entry<Long, Environment> p : succeeded.entrySet()) {
            long job = FAILED_JOB + p.getKey() - GSTG_FAILED;
            gitlab.stubFor(get(urlPathEqualTo(api(DEPLOYER) + "/pipelines/" + p.getKey() + "/jobs"))
                    .withQueryParam("scope[]", absent())
                    .willReturn(jsonList(fixture("pipeline-jobs.json", Map.of("ID", String.valueOf(p.getKey()),
                            "JOB_ID", String.valueOf(job), "STATUS", "success", "ENV", p.getValue().id(),
                            "FAILURE_REASON", "")))));
            StringBuilder lines = new StringBuilder();
            for (LogicalDatabase db : LogicalDatabase.values())
                for (PendingMigration m : planned.get(p.getValue())) {
                    if (m.database() != db) continue;
                    String head = m.migration().version() + " " + m.migration().className() + ": ";
                    long millis = tookIn(m).toMillis();
                    lines.append(db.id()).append(": == ").append(head).append("migrating ")
                            .append("=".repeat(Math.max(0, 75 - head.length() - 9))).append('\n');
                    String done = String.format(java.util.Locale.ROOT, "migrated (%d.%03d0s)", millis / 1000, millis % 1000);
                    lines.append(db.id()).append(": == ").append(head).append(done).append(' ')
                            .append("=".repeat(Math.max(0, 75 - head.length() - done.length()))).append("\n\n");
                }
            gitlab.stubFor(get(urlPathEqualTo(api(DEPLOYER) + "/jobs/" + job + "/trace"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/plain")
                            .withBody(fixture("job-trace-migrations-succeeded.log", Map.of("MIGRATIONS", lines.toString())))));
        }
        for (long id : List.of(GSTG_FAILED, GSTG_RETRIED, GPRD))
            gitlab.stubFor(get(urlPathEqualTo(api(DEPLOYER) + "/pipelines/" + id + "/bridges"))
                    .withQueryParam("scope[]", absent()).willReturn(jsonList("[]")));
    }

    private static void stubPipelineCreated(String project, String effectKeySuffix, long id) {
        gitlab.stubFor(post(urlPathEqualTo(api(project) + "/pipeline"))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'PDM_EFFECT_KEY')].value", containing(effectKeySuffix)))
                .willReturn(json(pipeline(project, id, "created")).withStatus(201)));
    }

    /** The first poll finds the pipeline running, every later one finished. */
    private static void stubPipelineRunsThen(String project, long id, String finalStatus) {
        String scenario = "pipeline-" + id;
        gitlab.stubFor(get(urlPathEqualTo(api(project) + "/pipelines/" + id)).inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(json(pipeline(project, id, "running"))).willSetStateTo("finished"));
        gitlab.stubFor(get(urlPathEqualTo(api(project) + "/pipelines/" + id)).inScenario(scenario)
                .whenScenarioStateIs("finished").willReturn(json(pipeline(project, id, finalStatus))));
    }

    private static String pipeline(String project, long id, String status) {
        return fixture("pipeline.json", Map.of("ID", String.valueOf(id), "IID", String.valueOf(id - 900000),
                "PROJECT_ID", project.equals(QA) ? "4321" : "1234", "PROJECT", project, "STATUS", status));
    }

    /**
     * No earlier running deployment of the package on the environment, so each attempt creates one per project; the
     * n-th creation on a project gets {@code attempts[n][project]}. Each deployment reads running until finished.
     */
    private static void stubDeployments(Environment environment, AutoDeployPackage pkg, long[]... attempts) {
        String name = environment.databaseEnvironment();
        for (int p = 0; p < 2; p++) {
            String project = p == 0 ? CANONICAL : SECURITY;
            gitlab.stubFor(get(urlPathEqualTo(api(project) + "/deployments")).withQueryParam("environment", equalTo(name))
                    .willReturn(jsonList("[]")));
            String scenario = "deployments-" + project + "-" + name;
            for (int a = 0; a < attempts.length; a++) {
                long id = attempts[a][p];
                gitlab.stubFor(post(urlPathEqualTo(api(project) + "/deployments")).inScenario(scenario)
                        .whenScenarioStateIs(a == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "created-" + a)
                        .withRequestBody(containing("environment=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                        .willReturn(json(deployment(id, environment, pkg, "running")).withStatus(201))
                        .willSetStateTo("created-" + (a + 1)));
                gitlab.stubFor(get(urlPathEqualTo(api(project) + "/deployments/" + id))
                        .willReturn(json(deployment(id, environment, pkg, "running"))));
                for (String status : List.of("success", "failed"))
                    gitlab.stubFor(put(urlPathEqualTo(api(project) + "/deployments/" + id))
                            .withRequestBody(equalTo("status=" + status))
                            .willReturn(json(deployment(id, environment, pkg, status))));
            }
        }
    }

    private static String deployment(long id, Environment environment, AutoDeployPackage pkg, String status) {
        return fixture("deployment.json", Map.of("ID", String.valueOf(id), "IID", String.valueOf(id - 2000),
                "REF", pkg.version().toString(), "SHA", pkg.commitSha(), "STATUS", status,
                "ENV", environment.databaseEnvironment(), "SLUG", environment.databaseEnvironment().replace('/', '-')));
    }

    // ---- what GitLab received ----

    private static int pipelinesCreated(String project) {
        return gitlab.findAll(postRequestedFor(urlPathEqualTo(api(project) + "/pipeline"))).size();
    }

    private static void assertPipelineCreated(String project, String effectKey, String environment, AutoDeployPackage pkg) {
        gitlab.verify(1, postRequestedFor(urlPathEqualTo(api(project) + "/pipeline"))
                .withRequestBody(matchingJsonPath("$.ref", equalTo("master")))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'PDM_EFFECT_KEY')].value", equalTo(effectKey)))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'DEPLOY_ENVIRONMENT')].value", equalTo(environment)))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'DEPLOY_VERSION')].value",
                        equalTo(pkg.version().toString())))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'PDM_RUN_ID')]")));
    }

    private static void assertDeploymentsCreated(Environment environment, AutoDeployPackage pkg, int times) {
        for (String project : List.of(CANONICAL, SECURITY))
            gitlab.verify(times, postRequestedFor(urlPathEqualTo(api(project) + "/deployments"))
                    .withRequestBody(containing("environment=" + URLEncoder.encode(environment.databaseEnvironment(),
                            StandardCharsets.UTF_8)))
                    .withRequestBody(containing("sha=" + pkg.commitSha()))
                    .withRequestBody(containing("status=running")));
    }

    private static void assertFinished(long id, String status) {
        String project = id % 2 == 1 ? CANONICAL : SECURITY;
        gitlab.verify(1, putRequestedFor(urlPathEqualTo(api(project) + "/deployments/" + id)));
        gitlab.verify(1, putRequestedFor(urlPathEqualTo(api(project) + "/deployments/" + id))
                .withRequestBody(equalTo("status=" + status)));
    }

    // ---- helpers ----

    private static GitLabSettings settings() {
        return new GitLabSettings(gitlab.baseUrl(), CANONICAL, SECURITY, PRODUCTION, TOKEN, "PDM_GITLAB_TOKEN",
                Duration.ofSeconds(5), Optional.of(RELEASE_TASKS + "#1234"), PackageVersion.PATTERN,
                new GitLabSettings.Pipelines(DEPLOYER, "master", QA, "master"));
    }

    private static String notesPath() {
        return api(RELEASE_TASKS) + "/issues/1234/notes";
    }

    /** gitlab4j encodes path segments more than it must ({@code -} as {@code %2D}); GitLab accepts both. */
    private static String api(String project) {
        return "/api/v4/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8).replace(".", "%2E")
                .replace("-", "%2D").replace("_", "%5F");
    }

    /** {@code GET /user}: the shared fixture of the world's tests ({@code /gitlab/user-current.json}, README there). */
    private static String currentUser() {
        try (InputStream in = GitLabRunTest.class.getResourceAsStream("/gitlab/user-current.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name, Map<String, String> values) {
        try (InputStream in = GitLabRunTest.class.getResourceAsStream("/gitlab/run/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) text = text.replace("${" + v.getKey() + "}", v.getValue());
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A 200 JSON list with the single-page headers GitLab sends. */
    private static ResponseDefinitionBuilder jsonList(String body) {
        return json(body).withHeader("X-Per-Page", "100").withHeader("X-Page", "1").withHeader("X-Total-Pages", "1")
                .withHeader("X-Next-Page", "");
    }

    /**
     * The demo world's database state, where an environment's planned migrations count as run once WireMock has
     * answered that the environment's (retried) post-deploy migration pipeline succeeded, as the deployer would have
     * run them by then.
     */
    private static final class PipelineDrivenDatabases implements DatabaseState {

        private final DatabaseState demo;
        private final Map<Environment, List<PendingMigration>> planned;
        private final Map<Environment, Long> succeededPipeline;
        private final Set<Environment> recorded = Collections.synchronizedSet(new java.util.TreeSet<>());

        PipelineDrivenDatabases(DatabaseState demo, Map<Environment, List<PendingMigration>> planned,
                                Map<Environment, Long> succeededPipeline) {
            this.demo = demo;
            this.planned = new LinkedHashMap<>(planned);
            this.succeededPipeline = succeededPipeline;
        }

        @Override
        public List<MigrationRun> ranOn(Environment environment, LogicalDatabase database) {
            catchUp(environment);
            return demo.ranOn(environment, database);
        }

        @Override
        public void recordRun(Environment environment, LogicalDatabase database, String version, Instant ranAt) {
            demo.recordRun(environment, database, version, ranAt);
        }

        private synchronized void catchUp(Environment environment) {
            Long pipeline = succeededPipeline.get(environment);
            if (pipeline == null || recorded.contains(environment) || !servedSuccess(pipeline)) return;
            for (PendingMigration m : planned.getOrDefault(environment, List.of()))
                demo.recordRun(environment, m.database(), m.migration().version(), Instant.now());
            recorded.add(environment);
        }

        private static boolean servedSuccess(long pipeline) {
            String path = api(DEPLOYER) + "/pipelines/" + pipeline;
            for (ServeEvent e : gitlab.getAllServeEvents()) {
                if (!e.getRequest().getMethod().getName().equals("GET")) continue;
                if (!e.getRequest().getUrl().split("\\?")[0].equals(path)) continue;
                if (e.getResponse().getBodyAsString().contains("\"status\": \"success\"")) return true;
            }
            return false;
        }
    }
}
