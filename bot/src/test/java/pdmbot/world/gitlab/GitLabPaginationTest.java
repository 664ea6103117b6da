package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;

/**
 * Lists are read only as far as the caller needs, following {@code X-Next-Page}, else {@code Link: rel="next"}, and
 * never relying on {@code X-Total}/{@code X-Total-Pages}, which GitLab omits past 10,000 rows and on commit lists
 * ({@code lib/gitlab/pagination/offset_pagination.rb}, gitlab-facts §5).
 */
class GitLabPaginationTest extends GitLabWireMock {

    static final String DEPLOYER = "/api/v4/projects/" + segment("gitlab-com/gl-infra/deployer");
    static final String PRODUCTION = "/api/v4/projects/" + segment("gitlab-com/gl-infra/production");

    static String pipelines(int from, int count) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            long id = 800000 + from - i;
            b.append(i == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"iid\":").append(id - 790000)
                    .append(",\"project_id\":1234,\"sha\":\"9e9f000000000000000000000000000000000000\",\"ref\":\"master\","
                            + "\"status\":\"success\",\"source\":\"api\",\"created_at\":\"2023-11-02T10:00:00.000Z\","
                            + "\"updated_at\":\"2023-11-02T10:05:00.000Z\",\"web_url\":\"https://gitlab.example.com/"
                            + "gitlab-com/gl-infra/deployer/-/pipelines/").append(id).append("\",\"name\":null}");
        }
        return b.append(']').toString();
    }

    @Test
    void looking_for_an_effect_key_among_the_newest_twenty_pipelines_reads_one_page_only() {
        // 20 on page 1, and GitLab says more follow (without totals, as past 10,000 rows)
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines")).withQueryParam("page", equalTo("1"))
                .willReturn(okForContentType("application/json", pipelines(100, 20)).withHeader("X-Per-Page", "20")
                        .withHeader("X-Page", "1").withHeader("X-Next-Page", "2").withHeader("X-Prev-Page", "")));
        for (int i = 0; i < 20; i++)
            gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines/" + (800100 - i) + "/variables"))
                    .willReturn(json("pipeline-variables-other-run.json")));
        gitlab.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(DEPLOYER + "/pipeline"))
                .willReturn(json("pipeline-created.json").withStatus(201)));

        world.operations().pipelines().startPostDeployMigrations(Environment.GSTG, Map.of(), "run-1:gstg:1");

        gitlab.verify(1, getRequestedFor(urlPathEqualTo(DEPLOYER + "/pipelines")));
        gitlab.verify(0, getRequestedFor(urlPathEqualTo(DEPLOYER + "/pipelines")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void a_list_whose_next_page_is_only_in_the_link_header_is_followed_there() {
        String next = gitlab.baseUrl() + "/api/v4/projects/7444821/issues?labels=Incident%3A%3AActive&order_by=created_at"
                + "&page=2&per_page=100&sort=asc&state=opened";
        gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("Incident::Active"))
                .withQueryParam("page", equalTo("1")).willReturn(okForContentType("application/json",
                        fixture("issues-incidents.json")).withHeader("X-Next-Page", "")
                        .withHeader("Link", "<" + next + ">; rel=\"next\", <" + next.replace("page=2", "page=1")
                                + ">; rel=\"first\"")));
        gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("Incident::Active"))
                .withQueryParam("page", equalTo("2")).willReturn(okForContentType("application/json",
                        fixture("issues-blocking-deployments.json")).withHeader("X-Next-Page", "")));
        gitlab.stubFor(get(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("labels", equalTo("blocks deployments"))
                .willReturn(okForContentType("application/json", "[]")));

        // the second page (keyset pagination sends only a Link) brings 17002
        assertThat(world.operations().incidents().activeIncidents()).extracting(i -> i.id().replaceAll(".*#", ""))
                .contains("17001", "17002", "17003", "17004");
        gitlab.verify(getRequestedFor(urlPathEqualTo(PRODUCTION + "/issues")).withQueryParam("page", equalTo("2"))
                .withQueryParam("labels", equalTo("Incident::Active")).withQueryParam("state", equalTo("opened")));
    }

    @Test
    void a_deployment_gitlab_reports_blocked_is_read_and_finished_although_gitlab4j_has_no_such_status() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/deployments/4303")).willReturn(okForContentType("application/json",
                fixture("deployment-4303-running.json").replace("\"status\": \"running\"", "\"status\": \"blocked\""))));
        gitlab.stubFor(put(urlPathEqualTo(PROJECT + "/deployments/4303")).willReturn(json("deployment-4303-success.json")));

        world.operations().deploymentRecords().finish(new DeploymentRecord(DeploymentProject.CANONICAL, Environment.GPRD,
                "4303", VERSION_B, ""), DeploymentRecords.Outcome.FAILED);

        gitlab.verify(putRequestedFor(urlPathEqualTo(PROJECT + "/deployments/4303")).withRequestBody(equalTo("status=failed")));
    }

    @Test
    void a_tree_whose_pages_carry_no_totals_is_read_to_its_last_page() {
        for (int page = 1; page <= 2; page++)
            gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tree")).withQueryParam("ref", equalTo(SHA_C))
                    .withQueryParam("page", equalTo(String.valueOf(page))).willReturn(okForContentType("application/json",
                            fixture("tree-post-migrate-at-C-page-" + page + ".json")).withHeader("X-Per-Page", "3")
                            .withHeader("X-Page", String.valueOf(page)).withHeader("X-Next-Page", page == 1 ? "2" : "")
                            .withHeader("X-Prev-Page", page == 1 ? "" : "1")));
        pdmbot.world.AutoDeployPackage c = new pdmbot.world.AutoDeployPackage(
                pdmbot.domain.PackageVersion.parse(VERSION_C).orElseThrow(), SHA_C, "refs/tags/" + VERSION_C);

        assertThat(world.packages().postMigrationsAt(c)).extracting(pdmbot.domain.PostMigration::version)
                .containsExactly("20231020100000", "20231101120000", "20231102070000");
    }
}
