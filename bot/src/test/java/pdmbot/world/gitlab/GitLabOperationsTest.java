package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.ChangeRequest;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;
import pdmbot.world.Incident;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;
import pdmbot.world.RunningDeployment;

/** The ports a PDM run uses, on GitLab: production tracker, deployments, pipelines, merge requests. */
class GitLabOperationsTest extends GitLabWireMock {

    static final String PRODUCTION = "/api/v4/projects/" + segment("gitlab-com/gl-infra/production");
    static final String DEPLOYER = "/api/v4/projects/" + segment("gitlab-com/gl-infra/deployer");
    static final AutoDeployPackage B = new AutoDeployPackage(PackageVersion.parse(VERSION_B).orElseThrow(), SHA_B,
            "refs/tags/" + VERSION_B);

    void serveTracker() {
        gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("Incident::Active"))
                .withQueryParam("state", equalTo("opened")).willReturn(json("issues-incidents.json")));
        gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("change::in-progress"))
                .withQueryParam("state", equalTo("opened")).willReturn(json("issues-change-requests.json")));
        gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("blocks deployments"))
                .withQueryParam("state", equalTo("opened")).willReturn(json("issues-blocking-deployments.json")));
    }

    @Test
    void active_incidents_are_open_unresolved_incident_issues_with_their_severity_and_blocking_label() {
        serveTracker();

        List<Incident> incidents = world.operations().incidents().activeIncidents();

        assertThat(incidents).extracting(Incident::id).containsExactly("gitlab-com/gl-infra/production#17001",
                "gitlab-com/gl-infra/production#17002", "gitlab-com/gl-infra/production#17003",
                "gitlab-com/gl-infra/production#17004");
        assertThat(incidents).extracting(Incident::severity).containsExactly(1, 3, 2, GitLabProductionIssues.UNTRIAGED_SEVERITY);
        assertThat(incidents).extracting(Incident::blocksDeployments).containsExactly(true, true, false, false);
        assertThat(incidents.get(0).openedAt()).isEqualTo(Instant.parse("2023-11-02T08:00:00Z"));
        assertThat(incidents.get(0).url()).endsWith("/gitlab-com/gl-infra/production/-/issues/17001");
    }

    @Test
    void incidents_are_read_with_the_incident_active_label_release_tools_queries_not_the_plain_incident_label() {
        serveTracker();
        // on the real tracker the plain label exists but is not what release-tools asks for (gitlab-facts §4)
        gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("incident"))
                .willReturn(okForContentType("application/json", "[]")));

        assertThat(world.operations().incidents().activeIncidents()).hasSize(4);
        gitlab.verify(0, getRequestedFor(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("incident")));
    }

    @Test
    void tracker_labels_are_configuration() {
        GitLabWorld other = GitLabWorld.open(settings(Optional.empty()).withTracker(
                new GitLabSettings.Tracker("incident::open", "change::running", "no deploys")));
        try {
            gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("incident::open"))
                    .willReturn(json("issues-incidents.json")));
            gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("no deploys"))
                    .willReturn(okForContentType("application/json", "[]")));

            assertThat(other.operations().incidents().activeIncidents()).hasSize(3);
        } finally {
            other.close();
        }
    }

    @Test
    void active_change_requests_are_those_in_progress_or_blocking_deployments() {
        serveTracker();

        List<ChangeRequest> changes = world.operations().changeRequests().activeChangeRequests();

        assertThat(changes).extracting(ChangeRequest::id)
                .containsExactly("gitlab-com/gl-infra/production#17100", "gitlab-com/gl-infra/production#17102");
        assertThat(changes).extracting(ChangeRequest::criticality).containsExactly(2, 1);
        assertThat(changes).extracting(ChangeRequest::inProgress).containsExactly(true, false);
        assertThat(changes).extracting(ChangeRequest::blocksDeployments).containsExactly(false, true);
    }

    @Test
    void running_deployments_leave_out_db_environments_and_count_a_pipeline_once_across_projects() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments")).withQueryParam("status", equalTo("running"))
                .willReturn(json("deployments-running.json")));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_PROJECT + "/deployments")).withQueryParam("status", equalTo("running"))
                .willReturn(json("deployments-running-security.json")));

        List<RunningDeployment> running = world.operations().runningDeployments().running();

        assertThat(running).hasSize(1);
        assertThat(running.get(0).environment()).isEqualTo(Environment.GSTG_CNY);
        assertThat(running.get(0).packageVersion()).isEqualTo(VERSION_C);
        assertThat(running.get(0).pipeline()).isEqualTo("2000001");
        assertThat(running.get(0).isStaging()).isTrue();
    }

    void serveDeployerPipelines() {
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines")).withQueryParam("source", equalTo("api"))
                .willReturn(json("deployer-pipelines-api.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901002/variables")).willReturn(json("pipeline-variables-this-run.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001/variables")).willReturn(json("pipeline-variables-other-run.json")));
    }

    @Test
    void starting_a_pdm_pipeline_posts_its_variables_and_effect_key() {
        serveDeployerPipelines();
        gitlab.stubFor(post(urlPathEqualTo(DEPLOYER + "/pipeline")).willReturn(json("pipeline-created.json").withStatus(201)));

        PipelineHandle handle = world.operations().pipelines()
                .startPostDeployMigrations(Environment.GSTG, Map.of("PDM_VERSIONS", "20231101120000"), "run-8:gstg:1");

        assertThat(handle.id()).isEqualTo("901003");
        assertThat(handle.url()).endsWith("/gitlab-com/gl-infra/deployer/-/pipelines/901003");
        gitlab.verify(postRequestedFor(urlPathEqualTo(DEPLOYER + "/pipeline")).withRequestBody(matchingJsonPath("$.ref", equalTo("master")))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'PDM_EFFECT_KEY')].value", equalTo("run-8:gstg:1")))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'DEPLOY_ENVIRONMENT')].value", equalTo("gstg"))));
    }

    @Test
    void a_configured_environment_s_pdm_pipeline_gets_its_own_deploy_environment_and_its_qa_runs_in_its_own_project() {
        // issue 11 item 3: a Cells ring whose deployer name and QA project differ from its id
        Environment ring = Environment.define(new Environment.Definition("ops-ring-0", false, true, "db/ops-ring-0",
                "cells-ring-0", Optional.of("gitlab-org/quality/cells")));
        String cellsQa = "/api/v4/projects/" + segment("gitlab-org/quality/cells");
        serveDeployerPipelines();
        gitlab.stubFor(post(urlPathEqualTo(DEPLOYER + "/pipeline")).willReturn(json("pipeline-created.json").withStatus(201)));
        gitlab.stubFor(get(urlPathEqualTo(cellsQa + "/pipelines")).withQueryParam("source", equalTo("api"))
                .willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(post(urlPathEqualTo(cellsQa + "/pipeline")).willReturn(json("pipeline-created.json").withStatus(201)));
        gitlab.stubFor(get(urlPathEqualTo(cellsQa + "/pipelines/901003")).willReturn(json("pipeline-running.json")));

        world.operations().pipelines().startPostDeployMigrations(ring, Map.of(), "run-9:ops-ring-0:1");
        PipelineHandle qa = world.operations().qa().startQa(ring, "run-9:qa-ops-ring-0:1");

        gitlab.verify(postRequestedFor(urlPathEqualTo(DEPLOYER + "/pipeline"))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'DEPLOY_ENVIRONMENT')].value", equalTo("cells-ring-0"))));
        gitlab.verify(postRequestedFor(urlPathEqualTo(cellsQa + "/pipeline"))
                .withRequestBody(matchingJsonPath("$.variables[?(@.key == 'QA_ENVIRONMENT')].value", equalTo("ops-ring-0"))));
        assertThat(world.operations().qa().status(ring, qa)).isInstanceOf(PipelineStatus.Running.class);
        gitlab.verify(getRequestedFor(urlPathEqualTo(cellsQa + "/pipelines/901003")));
    }

    @Test
    void starting_again_with_the_same_effect_key_finds_the_pipeline_already_started() {
        serveDeployerPipelines();

        PipelineHandle handle = world.operations().pipelines()
                .startPostDeployMigrations(Environment.GPRD, Map.of(), "run-7:gprd:1");

        assertThat(handle.id()).isEqualTo("901002");
        gitlab.verify(0, postRequestedFor(urlPathEqualTo(DEPLOYER + "/pipeline")));
    }

    @Test
    void the_effect_key_is_looked_for_among_the_bot_users_own_pipelines_asking_gitlab_who_it_is_once_issue_12() {
        serveDeployerPipelines();

        world.operations().pipelines().startPostDeployMigrations(Environment.GPRD, Map.of(), "run-7:gprd:1");
        world.operations().pipelines().startPostDeployMigrations(Environment.GPRD, Map.of(), "run-7:gprd:1");

        gitlab.verify(2, getRequestedFor(urlPathEqualTo(DEPLOYER + "/pipelines")).withQueryParam("username", equalTo("pdm-bot")));
        gitlab.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/user")));
    }

    @Test
    void a_pipeline_whose_variables_gitlab_refuses_to_show_is_not_the_bots_and_does_not_stop_the_start_issue_12() {
        serveDeployerPipelines();
        // Ci::PipelinePolicy: a Developer reads the variables of the pipelines they triggered only (403 otherwise)
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001/variables")).willReturn(error(403, "403 Forbidden")));
        gitlab.stubFor(post(urlPathEqualTo(DEPLOYER + "/pipeline")).willReturn(json("pipeline-created.json").withStatus(201)));

        PipelineHandle handle = world.operations().pipelines().startPostDeployMigrations(Environment.GSTG, Map.of(), "run-8:gstg:1");

        assertThat(handle.id()).isEqualTo("901003");
    }

    @Test
    void a_failed_pipeline_names_the_failed_job_the_migration_and_the_error_from_the_log_tail() {
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001")).willReturn(json("pipeline-failed.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001/jobs")).withQueryParam("scope[]", equalTo("failed"))
                .willReturn(json("pipeline-failed-jobs.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/jobs/55500001/trace"))
                .willReturn(okForContentType("text/plain", fixture("job-trace-post-deploy-migration-failed.log"))));

        PipelineStatus status = world.operations().pipelines().status(new PipelineHandle("901001", ""));

        assertThat(status).isInstanceOf(PipelineStatus.Failed.class);
        PipelineStatus.Failed failed = (PipelineStatus.Failed) status;
        assertThat(failed.job()).isEqualTo("gprd-migrations");
        assertThat(failed.jobUrl()).endsWith("/-/jobs/55500001");
        assertThat(failed.migrationVersion()).contains("20231101120000");
        assertThat(failed.error()).isEqualTo("PG::QueryCanceled: ERROR:  canceling statement due to statement timeout");
        assertThat(failed.traceTail()).contains("rake aborted!").doesNotContain("\u001B[").doesNotContain("section_start");
    }

    @Test
    void a_manual_pipeline_waits_for_a_person_and_says_so_instead_of_being_polled_for_ever() {
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901004")).willReturn(json("pipeline-manual.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901004/jobs")).withQueryParam("scope[]", equalTo("manual"))
                .willReturn(json("pipeline-manual-jobs.json")));

        PipelineStatus status = world.operations().pipelines().status(new PipelineHandle("901004", ""));

        assertThat(status).isInstanceOf(PipelineStatus.Failed.class);
        PipelineStatus.Failed waiting = (PipelineStatus.Failed) status;
        assertThat(waiting.job()).isEqualTo("gprd-approve-post-deploy-migrations");
        assertThat(waiting.jobUrl()).endsWith("/-/jobs/55500040");
        assertThat(waiting.error()).contains("waiting for a person", "must be played");
        assertThat(waiting.migrationVersion()).isEmpty();
    }

    @Test
    void a_failure_in_a_downstream_pipeline_is_found_through_the_pipelines_bridges() {
        String downstream = "/api/v4/projects/6931101";
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001")).willReturn(json("pipeline-failed.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001/jobs")).withQueryParam("scope[]", equalTo("failed"))
                .willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001/bridges")).withQueryParam("scope[]", equalTo("failed"))
                .willReturn(json("pipeline-failed-bridges.json")));
        gitlab.stubFor(get(urlPathEqualTo(downstream + "/pipelines/901501/jobs")).withQueryParam("scope[]", equalTo("failed"))
                .willReturn(json("pipeline-failed-jobs.json")));
        gitlab.stubFor(get(urlPathEqualTo(downstream + "/jobs/55500001/trace"))
                .willReturn(okForContentType("text/plain", fixture("job-trace-post-deploy-migration-failed.log"))));

        PipelineStatus status = world.operations().pipelines().status(new PipelineHandle("901001", ""));

        assertThat(status).isInstanceOf(PipelineStatus.Failed.class);
        PipelineStatus.Failed failed = (PipelineStatus.Failed) status;
        assertThat(failed.job()).isEqualTo("gprd-migrations");
        assertThat(failed.migrationVersion()).contains("20231101120000");
        assertThat(failed.error()).isEqualTo("PG::QueryCanceled: ERROR:  canceling statement due to statement timeout");
    }

    @Test
    void a_running_pipeline_is_running() {
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901002")).willReturn(json("pipeline-running.json")));

        assertThat(world.operations().pipelines().status(new PipelineHandle("901002", "")))
                .isInstanceOf(PipelineStatus.Running.class);
    }

    @Test
    void a_deployment_record_is_created_running_on_db_gprd_then_finished_once() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments")).withQueryParam("environment", equalTo("db/gprd"))
                .willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(post(urlPathEqualTo(PROJECT + "/deployments")).willReturn(json("deployment-created.json").withStatus(201)));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments/4303")).willReturn(json("deployment-4303-running.json")));
        gitlab.stubFor(put(urlPathEqualTo(PROJECT + "/deployments/4303")).willReturn(json("deployment-4303-success.json")));

        DeploymentRecords records = world.operations().deploymentRecords();
        DeploymentRecord record = records.createRunning(DeploymentProject.CANONICAL, Environment.GPRD, B, "run-7:gprd:record");
        records.finish(record, DeploymentRecords.Outcome.SUCCESS);

        assertThat(record.id()).isEqualTo("4303");
        assertThat(record.packageVersion()).isEqualTo(VERSION_B);
        gitlab.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/deployments"))
                .withRequestBody(containing("environment=db%2Fgprd")).withRequestBody(containing("sha=" + SHA_B))
                .withRequestBody(containing("status=running")).withRequestBody(containing("tag=true")));
        gitlab.verify(putRequestedFor(urlPathEqualTo(PROJECT + "/deployments/4303")).withRequestBody(equalTo("status=success")));
    }

    @Test
    void a_finish_retried_after_a_timeout_that_gitlab_refuses_as_a_repeated_transition_is_accepted_once_it_holds_issue_12() {
        DeploymentRecord record = new DeploymentRecord(DeploymentProject.CANONICAL, Environment.GPRD, "4303", VERSION_B, "");
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments/4303")).inScenario("put").whenScenarioStateIs(STARTED)
                .willReturn(json("deployment-4303-running.json")));
        // the first PUT lands but its answer comes after the world's 1 s timeout; the retry meets the state machine
        gitlab.stubFor(put(urlPathEqualTo(PROJECT + "/deployments/4303")).inScenario("put").whenScenarioStateIs(STARTED)
                .willReturn(json("deployment-4303-success.json").withFixedDelay(1500)).willSetStateTo("landed"));
        gitlab.stubFor(put(urlPathEqualTo(PROJECT + "/deployments/4303")).inScenario("put").whenScenarioStateIs("landed")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":{\"status\":[\"cannot transition via \\\"succeed\\\"\"]}}")));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments/4303")).inScenario("put").whenScenarioStateIs("landed")
                .willReturn(json("deployment-4303-success.json")));

        world.operations().deploymentRecords().finish(record, DeploymentRecords.Outcome.SUCCESS);

        gitlab.verify(2, putRequestedFor(urlPathEqualTo(PROJECT + "/deployments/4303")));
    }

    @Test
    void a_finish_gitlab_refuses_while_the_deployment_is_not_in_the_wanted_state_fails_naming_both() {
        DeploymentRecord record = new DeploymentRecord(DeploymentProject.CANONICAL, Environment.GPRD, "4303", VERSION_B, "");
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments/4303")).willReturn(json("deployment-4303-running.json")));
        gitlab.stubFor(put(urlPathEqualTo(PROJECT + "/deployments/4303")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":{\"status\":[\"cannot transition via \\\"succeed\\\"\"]}}")));

        assertThatThrownBy(() -> world.operations().deploymentRecords().finish(record, DeploymentRecords.Outcome.SUCCESS))
                .isInstanceOf(UnableToRecordDeploymentException.class).hasMessageContaining("400")
                .hasMessageContaining("deployment 4303 is running");
    }

    @Test
    void creating_again_returns_the_running_deployment_of_the_same_commit() {
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_PROJECT + "/deployments")).withQueryParam("environment", equalTo("db/gstg"))
                .willReturn(json("deployments-db-gstg-recent.json")));

        DeploymentRecord record = world.operations().deploymentRecords()
                .createRunning(DeploymentProject.SECURITY, Environment.GSTG, B, "run-7:gstg:record");

        assertThat(record.id()).isEqualTo("4302");
        gitlab.verify(0, postRequestedFor(urlPathEqualTo(SECURITY_PROJECT + "/deployments")));
    }

    @Test
    void finishing_a_finished_deployment_changes_nothing() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments/4303")).willReturn(json("deployment-4303-success.json")));

        world.operations().deploymentRecords().finish(new DeploymentRecord(DeploymentProject.CANONICAL, Environment.GPRD,
                "4303", VERSION_B, ""), DeploymentRecords.Outcome.SUCCESS);

        gitlab.verify(0, putRequestedFor(urlPathEqualTo(PROJECT + "/deployments/4303")));
    }

    @Test
    void a_label_is_added_to_a_merge_request_without_touching_its_other_labels() {
        gitlab.stubFor(put(urlPathEqualTo(PROJECT + "/merge_requests/135000")).willReturn(json("merge-request-labelled.json")));

        world.operations().mergeRequests().addLabel(new MergeRequestRef("gitlab-org/gitlab", 135000),
                "workflow::post-deploy-db-staging");

        gitlab.verify(putRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/135000"))
                .withRequestBody(equalTo("add_labels=workflow%3A%3Apost-deploy-db-staging")));
    }

    @Test
    void a_merge_request_gitlab_will_not_let_the_bot_label_fails_naming_the_call() {
        gitlab.stubFor(put(urlPathEqualTo(PROJECT + "/merge_requests/135000")).willReturn(error(403, "403 Forbidden")));

        assertThatThrownBy(() -> world.operations().mergeRequests().addLabel(
                new MergeRequestRef("gitlab-org/gitlab", 135000), "workflow::post-deploy-db-production"))
                .isInstanceOf(UnableToUpdateMergeRequestException.class)
                .hasMessageStartingWith("GitLab answered 403 Forbidden to PUT /projects/gitlab-org%2Fgitlab/merge_requests/135000");
    }
}
