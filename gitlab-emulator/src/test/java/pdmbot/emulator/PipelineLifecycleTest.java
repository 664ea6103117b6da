package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.emulator.EmulatorFixture.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitlab-facts §7: pipelines that move with the emulator's clock (one minute a step here), jobs, bridges, traces. */
class PipelineLifecycleTest {

    @TempDir
    java.nio.file.Path folder;
    EmulatorFixture gitlab;

    @BeforeEach
    void start() throws Exception {
        gitlab = new EmulatorFixture(folder);
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    private long create(String environment) {
        var r = gitlab.json("POST", project(DEPLOYER) + "/pipeline", ROOT, "{\"ref\":\"master\",\"variables\":["
                + "{\"key\":\"DEPLOY_ENVIRONMENT\",\"value\":\"" + environment + "\"},{\"key\":\"PDM_EFFECT_KEY\",\"value\":\"run-1\"}]}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("status").asText()).isEqualTo("created");
        assertThat(r.json().path("source").asText()).isEqualTo("api");
        return r.json().path("id").asLong();
    }

    private String status(long id) {
        return gitlab.get(project(DEPLOYER) + "/pipelines/" + id).json().path("status").asText();
    }

    private void advanceMinutes(int minutes) {
        var r = gitlab.form("POST", "/-/emulator/clock/advance", ROOT, "seconds=" + minutes * 60);
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void a_pipelines_variables_are_shown_to_its_triggerer_and_admins_and_refused_to_another_developer() {
        long rootsPipeline = create("db/gstg");
        var devs = gitlab.json("POST", project(DEPLOYER) + "/pipeline", DEV, "{\"ref\":\"master\",\"variables\":["
                + "{\"key\":\"DEPLOY_ENVIRONMENT\",\"value\":\"db/gstg\"}]}");
        assertThat(devs.status()).isEqualTo(201);

        assertThat(gitlab.get(project(DEPLOYER) + "/pipelines/" + rootsPipeline + "/variables", DEV).status()).isEqualTo(403);
        assertThat(gitlab.get(project(DEPLOYER) + "/pipelines/" + devs.json().path("id").asLong() + "/variables", DEV).status())
                .isEqualTo(200);
        assertThat(gitlab.get(project(DEPLOYER) + "/pipelines/" + devs.json().path("id").asLong() + "/variables").status())
                .isEqualTo(200);
    }

    @Test
    void the_current_user_is_the_tokens_own() {
        var dev = gitlab.get("/api/v4/user", DEV);
        assertThat(dev.status()).isEqualTo(200);
        assertThat(dev.json().path("username").asText()).isEqualTo("dev");
        assertThat(dev.json().has("is_admin")).isFalse();
        assertThat(gitlab.get("/api/v4/user").json().path("is_admin").asBoolean()).isTrue();
        assertThat(gitlab.get("/api/v4/user", "no-such-token").status()).isEqualTo(401);
    }

    @Test
    void a_pipeline_goes_created_pending_running_success_as_the_clock_moves() {
        long id = create("db/gstg");
        assertThat(status(id)).isEqualTo("created");
        advanceMinutes(1);
        assertThat(status(id)).isEqualTo("pending");
        advanceMinutes(1);
        assertThat(status(id)).isEqualTo("running");
        var jobs = gitlab.get(project(DEPLOYER) + "/pipelines/" + id + "/jobs").json();
        assertThat(gitlab.names(jobs, "name")).containsExactly("db/gstg-prepare", "db/gstg-post-deploy-migrations");
        assertThat(gitlab.names(jobs, "status")).containsExactly("running", "created");
        advanceMinutes(3);
        assertThat(status(id)).isEqualTo("success");
        var pipeline = gitlab.get(project(DEPLOYER) + "/pipelines/" + id).json();
        assertThat(pipeline.path("finished_at").asText()).isEqualTo("2023-11-10T10:05:00.000Z");
        assertThat(pipeline.path("duration").asLong()).isEqualTo(180);
    }

    @Test
    void a_planned_failure_fails_the_migration_job_names_the_migration_in_its_trace_and_is_used_once() {
        var planned = gitlab.json("POST", "/-/emulator/failures", ROOT, "{\"project\":\"" + DEPLOYER
                + "\",\"variables\":{\"DEPLOY_ENVIRONMENT\":\"db/gstg\"},\"migration\":\"20231102000000\"}");
        assertThat(planned.status()).isEqualTo(201);
        long other = create("db/gprd");
        long failing = create("db/gstg");
        long next = create("db/gstg");
        advanceMinutes(10);
        assertThat(status(other)).isEqualTo("success");
        assertThat(status(failing)).isEqualTo("failed");
        assertThat(status(next)).isEqualTo("success");
        var failed = gitlab.get(project(DEPLOYER) + "/pipelines/" + failing + "/jobs?scope[]=failed").json();
        assertThat(gitlab.names(failed, "name")).containsExactly("db/gstg-post-deploy-migrations");
        assertThat(failed.get(0).path("failure_reason").asText()).isEqualTo("script_failure");
        var bridges = gitlab.get(project(DEPLOYER) + "/pipelines/" + failing + "/bridges").json();
        assertThat(gitlab.names(bridges, "status")).containsExactly("skipped");
        assertThat(bridges.get(0).has("downstream_pipeline")).isTrue();
        var trace = gitlab.get(project(DEPLOYER) + "/jobs/" + failed.get(0).path("id").asLong() + "/trace");
        assertThat(trace.header("Content-Type")).startsWith("text/plain");
        assertThat(trace.body()).contains("== 20231102000000 Second: migrating", "rake aborted!", "PG::QueryCanceled",
                "section_start:", "\u001B[31;1mERROR: Job failed: exit code 1");
        assertThat(gitlab.get("/-/emulator/failures", ROOT).body()).isEqualTo("[]");
    }

    @Test
    void succeeded_jobs_have_no_failure_reason_and_scope_values_are_checked() {
        long id = create("gstg");
        advanceMinutes(10);
        var jobs = gitlab.get(project(DEPLOYER) + "/pipelines/" + id + "/jobs").json();
        assertThat(jobs.get(0).has("failure_reason")).isFalse();
        assertThat(gitlab.get(project(DEPLOYER) + "/pipelines/" + id + "/jobs?scope[]=broken").body())
                .isEqualTo("{\"error\":\"scope does not have a valid value\"}");
    }

    @Test
    void variables_come_back_with_their_type_and_the_list_filters_and_sorts_desc_by_default() {
        long first = create("gstg");
        long second = create("gprd");
        var variables = gitlab.get(project(DEPLOYER) + "/pipelines/" + second + "/variables").json();
        assertThat(variables.get(0).path("key").asText()).isEqualTo("DEPLOY_ENVIRONMENT");
        assertThat(variables.get(0).path("variable_type").asText()).isEqualTo("env_var");
        var list = gitlab.get(project(DEPLOYER) + "/pipelines?ref=master&source=api").json();
        assertThat(gitlab.names(list, "id")).containsExactly(String.valueOf(second), String.valueOf(first));
        assertThat(gitlab.get(project(DEPLOYER) + "/pipelines?status=success").body()).isEqualTo("[]");
        assertThat(gitlab.get(project(DEPLOYER) + "/pipelines?order_by=created_at").body())
                .isEqualTo("{\"error\":\"order_by does not have a valid value\"}");
    }

    @Test
    void a_pipeline_on_an_unknown_ref_or_without_ci_configuration_is_refused() {
        var unknown = gitlab.json("POST", project(DEPLOYER) + "/pipeline", ROOT, "{\"ref\":\"nope\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"message\":{\"base\":[\"Reference not found\"]}}");
        var noCi = gitlab.json("POST", project(PRODUCTION) + "/pipeline", ROOT, "{\"ref\":\"master\"}");
        assertThat(noCi.body()).isEqualTo("{\"message\":{\"base\":[\"Missing CI config file\"]}}");
        assertThat(gitlab.json("POST", project(DEPLOYER) + "/pipeline", ROOT, "{}").body()).isEqualTo("{\"error\":\"ref is missing\"}");
    }

    @Test
    void the_form_encoding_of_variables_is_understood_too() {
        var r = gitlab.form("POST", project(DEPLOYER) + "/pipeline", ROOT,
                "ref=master&variables[][key]=DEPLOY_ENVIRONMENT&variables[][value]=gstg");
        assertThat(r.status()).isEqualTo(201);
        var jobs = gitlab.get(project(DEPLOYER) + "/pipelines/" + r.json().path("id").asLong() + "/jobs").json();
        assertThat(gitlab.names(jobs, "name")).first().isEqualTo("gstg-prepare");
    }

    @Test
    void a_blocking_manual_job_leaves_the_pipeline_in_manual_however_long_one_waits() {
        gitlab.emulator.seed().pipelineJobs(QA_PROJECT_FOR_MANUAL, EmulatorSeed.JobSpec.build("qa-smoke", "qa"),
                EmulatorSeed.JobSpec.manual("qa-approve", "approve"), EmulatorSeed.JobSpec.build("qa-report", "report"));
        var r = gitlab.json("POST", project(QA_PROJECT_FOR_MANUAL) + "/pipeline", ROOT, "{\"ref\":\"master\"}");
        long id = r.json().path("id").asLong();
        advanceMinutes(2);
        assertThat(status(QA_PROJECT_FOR_MANUAL, id)).isEqualTo("running");
        advanceMinutes(60);
        assertThat(status(QA_PROJECT_FOR_MANUAL, id)).isEqualTo("manual");
        var jobs = gitlab.get(project(QA_PROJECT_FOR_MANUAL) + "/pipelines/" + id + "/jobs").json();
        assertThat(gitlab.names(jobs, "status")).containsExactly("success", "manual", "created");
    }

    private static final String QA_PROJECT_FOR_MANUAL = PRODUCTION;

    private String status(String projectPath, long id) {
        return gitlab.get(project(projectPath) + "/pipelines/" + id).json().path("status").asText();
    }

    @Test
    void a_failure_in_a_downstream_pipeline_fails_its_bridge_and_is_found_through_the_bridges() {
        gitlab.emulator.seed().pipelineJobs(DEPLOYER, EmulatorSeed.JobSpec.build("$DEPLOY_ENVIRONMENT-post-deploy-migrations", "migrate"),
                EmulatorSeed.JobSpec.trigger("qa", "qa", PRODUCTION));
        gitlab.emulator.seed().pipelineJobs(PRODUCTION, EmulatorSeed.JobSpec.build("qa-smoke", "qa"), EmulatorSeed.JobSpec.build("qa-full", "qa"));
        gitlab.json("POST", "/-/emulator/failures", ROOT, "{\"project\":\"" + PRODUCTION + "\",\"job\":\"qa-full\","
                + "\"error\":\"1 example failed\"}");
        long id = create("gstg");
        assertThat(gitlab.get(project(PRODUCTION) + "/pipelines").body()).isEqualTo("[]");
        advanceMinutes(3);
        var bridge = gitlab.get(project(DEPLOYER) + "/pipelines/" + id + "/bridges").json().get(0);
        assertThat(bridge.path("status").asText()).isEqualTo("running");
        long downstream = bridge.path("downstream_pipeline").path("id").asLong();
        assertThat(gitlab.get(project(PRODUCTION) + "/pipelines/" + downstream).json().path("source").asText()).isEqualTo("pipeline");
        assertThat(status(id)).isEqualTo("running");
        advanceMinutes(10);
        assertThat(status(id)).isEqualTo("failed");
        bridge = gitlab.get(project(DEPLOYER) + "/pipelines/" + id + "/bridges?scope[]=failed").json().get(0);
        assertThat(bridge.path("downstream_pipeline").path("status").asText()).isEqualTo("failed");
        assertThat(gitlab.get(project(DEPLOYER) + "/pipelines/" + id + "/jobs?scope[]=failed").body()).isEqualTo("[]");
        var failed = gitlab.get(project(PRODUCTION) + "/pipelines/" + downstream + "/jobs?scope[]=failed").json();
        assertThat(gitlab.names(failed, "name")).containsExactly("qa-full");
        String trace = gitlab.get(project(PRODUCTION) + "/jobs/" + failed.get(0).path("id").asLong() + "/trace").body();
        assertThat(trace).contains("1 example failed", "ERROR: Job failed: exit code 1").doesNotContain("rake aborted!");
        assertThat(gitlab.get(project(DEPLOYER) + "/jobs/" + bridge.path("id").asLong()).status()).isEqualTo(404);
    }

    private long createFor(String environment, String only) {
        String version = gitlab.packageTag.replace('+', '-');
        var r = gitlab.json("POST", project(DEPLOYER) + "/pipeline", ROOT, "{\"ref\":\"master\",\"variables\":["
                + "{\"key\":\"DEPLOY_ENVIRONMENT\",\"value\":\"" + environment + "\"},{\"key\":\"DEPLOY_VERSION\",\"value\":\""
                + version + "\"}" + (only.isEmpty() ? "" : ",{\"key\":\"PDM_MIGRATION_VERSIONS\",\"value\":\"" + only + "\"}") + "]}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private String migrationTrace(long pipeline) {
        var jobs = gitlab.get(project(DEPLOYER) + "/pipelines/" + pipeline + "/jobs").json();
        for (var job : jobs)
            if (job.path("name").asText().endsWith("-post-deploy-migrations"))
                return gitlab.get(project(DEPLOYER) + "/jobs/" + job.path("id").asLong() + "/trace").body();
        throw new AssertionError("no migration job in pipeline " + pipeline);
    }

    @Test
    void a_pipeline_limited_by_pdm_migration_versions_runs_only_those_and_a_later_pipeline_does_not_run_them_again() {
        long limited = createFor("db/gstg", "20231102000000");
        advanceMinutes(10);
        assertThat(status(limited)).isEqualTo("success");
        assertThat(migrationTrace(limited)).contains("20231102000000 Second: migrating", "20231102000000 Second: migrated (")
                .doesNotContain("20231101000000", "20231103000000");

        long whole = createFor("db/gstg", "");
        long otherEnvironment = createFor("db/gprd", "");
        advanceMinutes(10);
        assertThat(migrationTrace(whole)).contains("20231101000000 First: migrated (", "20231103000000 Third: migrated (")
                .doesNotContain("20231102000000");
        assertThat(migrationTrace(otherEnvironment)).contains("20231102000000 Second: migrated (");
    }
}
