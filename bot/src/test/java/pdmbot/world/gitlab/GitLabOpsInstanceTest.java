package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pdmbot.domain.Environment;
import pdmbot.world.PipelineHandle;

/**
 * GitLab.com's deployer runs on its ops instance: pipelines go to {@code ops-url} with the ops token, everything else
 * to {@code url} with the main token.
 */
class GitLabOpsInstanceTest extends GitLabWireMock {

    static final String OPS_TOKEN = "not-a-real-ops-token-OPS-9876";
    static final String DEPLOYER = "/api/v4/projects/" + segment("gitlab-com/gl-infra/deployer");

    @RegisterExtension
    static WireMockExtension ops = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void pipelines_start_on_the_ops_instance_with_the_ops_token_and_nothing_of_it_reaches_the_main_instance() {
        GitLabRefusals.install(ops::stubFor);
        // the bot's own user on the instance its pipelines run on (pipelines?username=)
        ops.stubFor(get(urlPathEqualTo("/api/v4/user")).willReturn(json("user-current.json")));
        ops.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines")).willReturn(okForContentType("application/json", "[]")));
        ops.stubFor(post(urlPathEqualTo(DEPLOYER + "/pipeline")).willReturn(json("pipeline-created.json").withStatus(201)));
        GitLabSettings settings = settings(Optional.empty()).withOps(new GitLabSettings.Ops(Optional.of(ops.baseUrl()),
                Optional.of(OPS_TOKEN), "PDM_GITLAB_OPS_TOKEN"));

        try (GitLabWorld split = GitLabWorld.open(settings)) {
            PipelineHandle handle = split.operations().pipelines().startPostDeployMigrations(Environment.GSTG, Map.of(),
                    "run-9:gstg:1");

            assertThat(handle.id()).isEqualTo("901003");
        }
        ops.verify(postRequestedFor(urlPathEqualTo(DEPLOYER + "/pipeline")).withHeader("PRIVATE-TOKEN", equalTo(OPS_TOKEN)));
        gitlab.verify(0, anyRequestedFor(anyUrl()));
        assertThat(settings.toString()).doesNotContain(OPS_TOKEN).doesNotContain(TOKEN);
    }

    @Test
    void without_an_ops_url_or_token_pipelines_use_the_main_instance_and_token() {
        GitLabSettings settings = settings(Optional.empty());

        assertThat(settings.opsUrl()).isEqualTo(settings.url());
        assertThat(settings.opsToken()).isEqualTo(TOKEN);
        assertThat(settings.hasSeparateOps()).isFalse();
    }

    @Test
    void a_run_of_a_subset_sends_its_versions_in_the_configured_variable_and_a_whole_run_sends_none() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathEqualTo(DEPLOYER + "/pipelines")).willReturn(okForContentType("application/json", "[]")));
        // POST pipeline's 201 answer: lib/api/ci/pipelines.rb (fixture gitlab/pipeline-created.json, see its README)
        gitlab.stubFor(post(urlPathEqualTo(DEPLOYER + "/pipeline")).willReturn(json("pipeline-created.json").withStatus(201)));
        GitLabSettings base = settings(Optional.empty());
        GitLabSettings settings = new GitLabSettings(base.url(), base.project(), base.securityProject(), base.productionProject(),
                TOKEN, "PDM_GITLAB_TOKEN", base.timeout(), Optional.empty(), base.tagPattern(),
                new GitLabSettings.Pipelines("gitlab-com/gl-infra/deployer", "master", "gitlab-org/quality/staging", "master",
                        "DEPLOY_ONLY_VERSIONS"));

        try (GitLabWorld world = GitLabWorld.open(settings)) {
            world.operations().pipelines().startPostDeployMigrations(Environment.GPRD, Map.of("DEPLOY_VERSION", "16.7.1-a.b"),
                    java.util.Set.of("20231107035713", "20231106180117"), "run-3:gprd:1");
            world.operations().pipelines().startPostDeployMigrations(Environment.GPRD, Map.of(), java.util.Set.of(), "run-4:gprd:1");
        }
        gitlab.verify(postRequestedFor(urlPathEqualTo(DEPLOYER + "/pipeline"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.variables[?(@.key == 'DEPLOY_ONLY_VERSIONS')].value", equalTo("20231106180117,20231107035713"))));
        gitlab.verify(1, postRequestedFor(urlPathEqualTo(DEPLOYER + "/pipeline"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("DEPLOY_ONLY_VERSIONS")));
    }
}
