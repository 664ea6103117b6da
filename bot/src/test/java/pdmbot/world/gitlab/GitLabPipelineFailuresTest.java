package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/**
 * What a finished PDM pipeline says (issue 12, review findings 16 and 17): the job that failed it, skipping jobs allowed
 * to fail, and the migration lines of every job, however many the pipeline has.
 */
class GitLabPipelineFailuresTest extends GitLabWireMock {

    static final String DEPLOYER = "/api/v4/projects/" + segment("gitlab-com/gl-infra/deployer");

    private void failedPipelineWithJobs(String fixture) {
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001")).willReturn(json("pipeline-failed.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001/jobs")).withQueryParam("scope[]", equalTo("failed"))
                .willReturn(json(fixture)));
        gitlab.stubFor(get(urlPathMatching(".*/jobs/5550000[19]/trace"))
                .willReturn(okForContentType("text/plain", fixture("job-trace-post-deploy-migration-failed.log"))));
    }

    @Test
    void a_failed_job_allowed_to_fail_is_not_named_as_the_cause_when_another_failed_it() {
        failedPipelineWithJobs("pipeline-failed-jobs-allowed-first.json");

        PipelineStatus status = world.operations().pipelines().status(new PipelineHandle("901001", ""));

        assertThat(status).isInstanceOfSatisfying(PipelineStatus.Failed.class,
                failed -> assertThat(failed.job()).isEqualTo("gprd-migrations"));
    }

    @Test
    void when_only_a_job_allowed_to_fail_failed_the_failed_bridges_downstream_cause_is_named() {
        failedPipelineWithJobs("pipeline-failed-jobs-allowed-to-fail.json");
        String downstream = "/api/v4/projects/6931101";
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901001/bridges")).withQueryParam("scope[]", equalTo("failed"))
                .willReturn(json("pipeline-failed-bridges.json")));
        gitlab.stubFor(get(urlPathEqualTo(downstream + "/pipelines/901501/jobs")).withQueryParam("scope[]", equalTo("failed"))
                .willReturn(json("pipeline-failed-jobs.json")));

        PipelineStatus status = world.operations().pipelines().status(new PipelineHandle("901001", ""));

        assertThat(status).isInstanceOfSatisfying(PipelineStatus.Failed.class, failed -> {
            assertThat(failed.job()).isEqualTo("gprd-migrations");
            assertThat(failed.jobUrl()).endsWith("/-/jobs/55500001");
        });
    }

    @Test
    void migration_timings_come_from_the_oldest_job_too_in_a_pipeline_of_more_than_thirty_jobs() {
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901002/jobs")).willReturn(json("pipeline-jobs-35-finished.json")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/901002/bridges")).willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(get(urlPathMatching(DEPLOYER.replace("%", "\\%") + "/jobs/556000\\d\\d/trace"))
                .willReturn(okForContentType("text/plain", "$ ./bin/check\nJob succeeded\n")));
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/jobs/55600001/trace"))
                .willReturn(okForContentType("text/plain", fixture("job-trace-post-deploy-migrations-main-and-ci.log"))));

        List<MigrationTiming> timings = world.operations().pipelines().migrationTimings(new PipelineHandle("901002", ""));

        assertThat(timings).extracting(MigrationTiming::version).contains("20231106180117", "20231107025611");
    }
}
