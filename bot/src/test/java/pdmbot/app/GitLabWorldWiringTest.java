package pdmbot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.config.Secrets;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.config.GitlabConfig;
import pdmbot.config.WorldConfig;

/** world.kind gitlab: the configuration builds a GitLab world that talks to the configured GitLab with the token. */
class GitLabWorldWiringTest {

    @TempDir
    Path data;
    WireMockServer gitlab;

    @BeforeEach
    void start() {
        gitlab = new WireMockServer(options().dynamicPort());
        gitlab.start();
        gitlab.stubFor(get(urlPathEqualTo("/api/v4/projects/acme%2Fshop/repository/tags")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[]")));
    }

    @AfterEach
    void stop() {
        gitlab.stop();
    }

    private BotConfig gitlabConfig(String tokenFile) {
        BotConfig d = BotConfig.defaults();
        return d.withWorld(new WorldConfig("gitlab", null, null, null, new GitlabConfig(gitlab.baseUrl(), "acme/shop",
                "acme/security/shop", "acme/production", null, tokenFile, 2, null, null, null, null, null, null, null, null,
                "code-tags", null, null, null, null, null, null, null)));
    }

    @Test
    void the_longest_retry_after_and_the_admin_token_come_from_the_configuration_and_the_environment_issue_12() {
        GitlabConfig g = gitlabConfig(null).world().gitlab();
        BotConfig config = gitlabConfig(null).withWorld(new WorldConfig("gitlab", null, null, null, new GitlabConfig(
                g.url(), g.project(), g.securityProject(), g.productionProject(), null, null, 2, null, null, null, null, null,
                null, null, null, "code-tags", null, null, null, null, null, 15, null)));

        pdmbot.world.gitlab.GitLabSettings settings = Worlds.gitlabSettings(config, new pdmbot.config.Secrets(Map.of(
                "PDM_GITLAB_TOKEN", "token-from-env", "PDM_GITLAB_ADMIN_TOKEN", "admin-token-from-env")));

        assertThat(settings.maxRetryAfter()).isEqualTo(java.time.Duration.ofSeconds(15));
        assertThat(settings.admin().token()).contains("admin-token-from-env");
        assertThat(settings.toString()).doesNotContain("admin-token-from-env").contains("PDM_GITLAB_ADMIN_TOKEN");
        assertThat(Worlds.gitlabSettings(gitlabConfig(null), new pdmbot.config.Secrets(Map.of("PDM_GITLAB_TOKEN", "t")))
                .maxRetryAfter()).isEqualTo(java.time.Duration.ofSeconds(60));
    }

    @Test
    void the_gitlab_world_lists_the_configured_projects_tags_with_the_token_from_the_environment() throws Exception {
        Worlds.Opened opened = Worlds.open(gitlabConfig(null), data, text -> { }, Clock.systemUTC(),
                Map.of("PDM_GITLAB_TOKEN", "token-from-env"));
        try {
            assertThat(opened.world().packages().packages()).isEmpty();
            assertThat(opened.operations()).isNotNull();
            gitlab.verify(getRequestedFor(urlPathEqualTo("/api/v4/projects/acme%2Fshop/repository/tags"))
                    .withHeader("PRIVATE-TOKEN", equalTo("token-from-env")));
            assertThat(opened.world().description()).doesNotContain("token-from-env");
        } finally {
            opened.resources().close();
        }
    }

    @Test
    void without_a_token_the_gitlab_world_refuses_to_start_and_names_the_variable() {
        assertThatThrownBy(() -> Worlds.open(gitlabConfig(null), data, text -> { }, Clock.systemUTC(), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("PDM_GITLAB_TOKEN");
    }

    @Test
    void a_token_file_that_cannot_be_read_is_named_without_its_content() {
        assertThatThrownBy(() -> Worlds.open(gitlabConfig(data.resolve("missing-token").toString()), data, text -> { },
                Clock.systemUTC(), Map.of("PDM_GITLAB_TOKEN", "unused")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("missing-token");
    }

    @Test
    void gitlab_com_yaml_works_once_urls_tokens_and_the_release_issue_come_from_the_environment() throws Exception {
        WireMockServer ops = new WireMockServer(options().dynamicPort());
        ops.start();
        try {
            // the omnibus tags GitLab.com's release tooling makes, none yet (gitlab-facts §3)
            gitlab.stubFor(get(urlPathMatching("/api/v4/projects/gitlab%2Dorg%2Fsecurity%2Fomnibus%2Dgitlab/repository/tags"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
            Map<String, String> environment = Map.of("PDM_WORLD_GITLAB_URL", gitlab.baseUrl(),
                    "PDM_WORLD_GITLAB_OPS_URL", ops.baseUrl(), "PDM_GITLAB_TOKEN", "token-from-env",
                    "PDM_GITLAB_OPS_TOKEN", "ops-token-from-env",
                    "PDM_WORLD_GITLAB_RELEASE_ISSUE", "gitlab-org/release/tasks#4321");
            BotConfig config = ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"), environment);

            GitLabSettings settings = Worlds.gitlabSettings(config, new Secrets(environment));

            assertThat(settings.url()).isEqualTo(gitlab.baseUrl());
            assertThat(settings.opsUrl()).isEqualTo(ops.baseUrl());
            assertThat(settings.opsToken()).isEqualTo("ops-token-from-env");
            assertThat(settings.releaseIssue()).contains("gitlab-org/release/tasks#4321");
            assertThat(settings.packages()).isEqualTo(GitLabSettings.Packages.GITLAB_COM);
            assertThat(settings.codeProject()).isEqualTo("gitlab-org/security/gitlab");
            assertThat(settings.tracker()).isEqualTo(GitLabSettings.Tracker.DEFAULT);
            assertThat(settings.pipelines()).isEqualTo(GitLabSettings.Pipelines.DEFAULT);
            assertThat(settings.toString()).doesNotContain("token-from-env");
            Worlds.Opened opened = Worlds.open(config, data, text -> { }, Clock.systemUTC(), environment);
            try {
                assertThat(opened.world().packages().packages()).isEmpty();
                gitlab.verify(getRequestedFor(urlPathMatching(".*/repository/tags"))
                        .withQueryParam("order_by", equalTo("version")).withHeader("PRIVATE-TOKEN", equalTo("token-from-env")));
            } finally {
                opened.resources().close();
            }
        } finally {
            ops.stop();
        }
    }

    @Test
    void without_an_ops_token_the_main_token_reaches_the_ops_instance() {
        BotConfig config = gitlabConfig(null);

        GitLabSettings settings = Worlds.gitlabSettings(config, new Secrets(Map.of("PDM_GITLAB_TOKEN", "only-token")));

        assertThat(settings.opsToken()).isEqualTo("only-token");
        assertThat(settings.opsUrl()).isEqualTo(settings.url());
    }

    @Test
    void the_variable_that_limits_a_pdm_pipeline_to_a_subset_is_configurable_and_checked() {
        Map<String, String> environment = Map.of("PDM_GITLAB_TOKEN", "t", "PDM_WORLD_GITLAB_PDM_PIPELINE_ONLY_VARIABLE", "DEPLOY_ONLY_VERSIONS");
        BotConfig config = ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"), environment);

        assertThat(Worlds.gitlabSettings(config, new Secrets(environment)).pipelines().onlyVariable()).isEqualTo("DEPLOY_ONLY_VERSIONS");
        assertThat(Worlds.gitlabSettings(ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"), Map.of("PDM_GITLAB_TOKEN", "t")),
                new Secrets(Map.of("PDM_GITLAB_TOKEN", "t"))).pipelines().onlyVariable()).isEqualTo("PDM_MIGRATION_VERSIONS");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"),
                        Map.of("PDM_GITLAB_TOKEN", "t", "PDM_WORLD_GITLAB_PDM_PIPELINE_ONLY_VARIABLE", "not a name")))
                .hasMessageContaining("pdm-pipeline-only-variable");
    }
}
