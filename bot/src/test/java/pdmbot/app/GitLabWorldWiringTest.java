package pdmbot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import pdmbot.config.InvalidConfigurationException;

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
        return d.withWorld(new BotConfig.World("gitlab", null, null, null, new BotConfig.Gitlab(gitlab.baseUrl(), "acme/shop",
                "acme/security/shop", "acme/production", null, tokenFile, 2, null, null, null, null, null, null, null, null,
                "code-tags", null, null, null, null, null)));
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
}
