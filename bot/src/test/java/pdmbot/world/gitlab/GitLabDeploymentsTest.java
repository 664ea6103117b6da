package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.world.MigrationRun;

class GitLabDeploymentsTest extends GitLabWireMock {

    void serveTags() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tags")).willReturn(json("tags-page-2.json")));
    }

    void serveDeployments(String project, String environment, String fixture) {
        gitlab.stubFor(get(urlPathEqualTo(project + "/deployments")).withQueryParam("environment", equalTo(environment))
                .willReturn(fixture == null ? okForContentType("application/json", "[]") : json(fixture)));
    }

    void serveTree(String sha, String fixture) {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tree")).withQueryParam("ref", equalTo(sha))
                .willReturn(json(fixture)));
    }

    @Test
    void the_package_on_an_environment_is_the_one_its_newest_successful_deployment_deployed() {
        serveTags();
        serveDeployments(PROJECT, "gprd", "deployments-gprd.json");

        assertThat(world.deployments().packageOn(Environment.GPRD)).map(p -> p.version().toString()).contains(VERSION_B);
        gitlab.verify(getRequestedFor(urlPathEqualTo(PROJECT + "/deployments")).withQueryParam("environment", equalTo("gprd"))
                .withQueryParam("status", equalTo("success")).withQueryParam("order_by", equalTo("id"))
                .withQueryParam("sort", equalTo("desc")).withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
    }

    @Test
    void the_deployments_query_is_one_gitlab_accepts_so_its_refusal_of_finished_at_sorting_is_never_met() {
        serveTags();
        serveDeployments(PROJECT, "gprd", "deployments-gprd.json");

        world.deployments().packageOn(Environment.GPRD);

        // GitLabRefusals answers 400 to finished_at sorting without a finished filter; none of those was sent
        assertThat(gitlab.getAllServeEvents()).allSatisfy(e -> assertThat(e.getResponse().getStatus())
                .as(e.getRequest().getUrl()).isEqualTo(200));
    }

    @Test
    void deployments_release_tools_created_without_a_deployable_are_read_and_dated_by_their_update() {
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_PROJECT + "/deployments")).withQueryParam("environment", equalTo("db/gprd"))
                .willReturn(json("deployments-db-gprd-release-tools.json")));
        serveDeployments(PROJECT, "db/gprd", null);
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_PROJECT + "/repository/tree")).withQueryParam("ref", equalTo(SHA_B))
                .willReturn(json("tree-post-migrate-at-B.json")));

        assertThat(world.databases().ranOn(Environment.GPRD, LogicalDatabase.MAIN)).extracting(MigrationRun::version)
                .containsExactly("20231020100000", "20231101120000");
        assertThat(world.databases().ranOn(Environment.GPRD, LogicalDatabase.MAIN).get(0).ranAt())
                .as("an API-created deployment finished when it was last updated").isEqualTo(Instant.parse("2023-11-02T03:00:00Z"));
    }

    @Test
    void an_environment_never_deployed_to_has_no_package() {
        serveDeployments(PROJECT, "gstg-cny", null);

        assertThat(world.deployments().packageOn(Environment.GSTG_CNY)).isEmpty();
    }

    @Test
    void a_deployment_answer_without_a_sha_is_malformed() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments"))
                .willReturn(okForContentType("application/json", "[{\"id\": 1, \"ref\": \"master\", \"status\": \"success\"}]")));

        assertThatThrownBy(() -> world.deployments().packageOn(Environment.GPRD))
                .isInstanceOf(UnableToReadDeploymentsException.class)
                .hasMessageContaining("with malformed JSON (a deployment without a 40-character sha)");
    }

    @Test
    void migrations_ran_on_db_gprd_are_those_in_the_trees_of_its_successful_deployments_dated_by_the_oldest() {
        serveDeployments(PROJECT, "db/gprd", "deployments-db-gprd.json");
        serveDeployments(SECURITY_PROJECT, "db/gprd", "deployments-db-gprd-security.json");
        serveTree(SHA_B, "tree-post-migrate-at-B.json");
        serveTree(SHA_A, "tree-post-migrate-at-A.json");

        assertThat(world.databases().ranOn(Environment.GPRD, LogicalDatabase.MAIN)).containsExactly(
                new MigrationRun("20231015090000", Instant.parse("2023-11-01T13:00:00Z")),
                new MigrationRun("20231020100000", Instant.parse("2023-11-01T13:00:00Z")),
                new MigrationRun("20231101120000", Instant.parse("2023-11-02T01:00:00Z")));
        assertThat(world.databases().hasRun(Environment.GPRD, LogicalDatabase.CI, "20231101120000")).isTrue();
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(PROJECT + "/deployments")));
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(SECURITY_PROJECT + "/deployments"))
                .withQueryParam("environment", equalTo("db/gprd")));
    }

    @Test
    void nothing_ran_where_no_db_deployment_succeeded_and_recording_a_run_asks_nothing_of_gitlab() {
        serveDeployments(PROJECT, "db/gstg", null);
        serveDeployments(SECURITY_PROJECT, "db/gstg", null);

        assertThat(world.databases().ranOn(Environment.GSTG, LogicalDatabase.MAIN)).isEmpty();
        world.databases().recordRun(Environment.GSTG, LogicalDatabase.MAIN, "20231101120000", Instant.EPOCH);
        assertThat(gitlab.getAllServeEvents()).hasSize(2)
                .allSatisfy(e -> assertThat(e.getRequest().getUrl()).contains("/deployments?"));
    }
}
