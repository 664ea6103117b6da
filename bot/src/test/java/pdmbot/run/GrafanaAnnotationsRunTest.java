package pdmbot.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.config.BotConfig;

/**
 * Issue 17 item 3: Grafana annotations of a demo run, on WireMock answering as Grafana's HTTP API documents it
 * (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/ — "Create Annotation" answers
 * {@code {"message":"Annotation added","id": 1}}, "Patch Annotation" answers {@code {"message":"Annotation patched"}}).
 */
class GrafanaAnnotationsRunTest {

    static final String TOKEN = "glsa_test_0123456789abcdef";

    @TempDir
    Path dir;
    WireMockServer grafana;

    @BeforeEach
    void start() {
        grafana = new WireMockServer(options().dynamicPort());
        grafana.start();
    }

    @AfterEach
    void stop() {
        grafana.stop();
    }

    TestBot bot(String dashboard) {
        BotConfig base = TestBot.config(dir);
        BotConfig config = new BotConfig(base.data(), base.store(), base.world(), base.roles(), base.console(), base.rules(),
                base.http(), base.slack(), base.discord(), base.run(), base.decide(), base.durations(), base.schedule(), base.deploy(),
                new BotConfig.Grafana(grafana.baseUrl(), null, dashboard, 5));
        return TestBot.wrap(PdmBot.start(config, Map.of("PDM_GRAFANA_TOKEN", TOKEN), Clock.systemUTC()));
    }

    static JsonNode json(LoggedRequest request) throws Exception {
        return new ObjectMapper().readTree(request.getBodyAsString());
    }

    @Test
    void a_run_is_a_region_from_its_start_to_its_end_tagged_with_environments_and_outcome_and_each_migration_a_point()
            throws Exception {
        grafana.stubFor(post(urlPathEqualTo("/api/annotations")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Annotation added\",\"id\": 1}")));
        grafana.stubFor(patch(urlPathEqualTo("/api/annotations/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Annotation patched\"}")));
        try (TestBot bot = bot("pdm-dash")) {
            bot.say("pdm execute --confirm");
            bot.awaitIdle();
            assertThat(bot.bot.grafana().orElseThrow().awaitIdle(Duration.ofSeconds(30))).isTrue();
        }

        List<LoggedRequest> posts = grafana.findAll(postRequestedFor(urlPathEqualTo("/api/annotations")));
        JsonNode start = json(posts.get(0));
        assertThat(start.path("dashboardUID").asText()).isEqualTo("pdm-dash");
        assertThat(start.path("time").isIntegralNumber()).isTrue();
        assertThat(start.path("tags")).extracting(JsonNode::asText)
                .containsExactly("pdm", "pdm-run", "run:1", "environment:db/gstg", "environment:db/gprd");
        assertThat(start.path("text").asText()).startsWith("PDM run #1 started by");
        // 19 migrations on the demo world on the emulator: db/gstg main 4 + ci 3, db/gprd main 8 + ci 4
        List<JsonNode> migrations = posts.subList(1, posts.size()).stream().map(r -> {
            try {
                return json(r);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(migrations).hasSize(19).allSatisfy(m -> assertThat(m.path("tags")).extracting(JsonNode::asText)
                .contains("pdm", "pdm-migration", "run:1"));
        assertThat(migrations).filteredOn(m -> m.path("tags").toString().contains("environment:db/gprd\",\"database:main"))
                .hasSize(8);
        grafana.verify(1, patchRequestedFor(urlPathEqualTo("/api/annotations/1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.timeEnd"))
                .withRequestBody(matchingJsonPath("$.tags", equalToJson("[\"pdm\",\"pdm-run\",\"run:1\",\"outcome:succeeded\"]")))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.containing("succeeded"))));
        assertThat(json(grafana.findAll(patchRequestedFor(urlPathEqualTo("/api/annotations/1"))).get(0)).path("timeEnd").asLong())
                .isGreaterThanOrEqualTo(start.path("time").asLong());
    }

    @Test
    void a_grafana_that_fails_every_call_changes_nothing_in_the_run_and_is_counted_on_metrics() {
        grafana.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo("/api/annotations"))
                .willReturn(aResponse().withStatus(500).withBody("db locked")));
        try (TestBot bot = bot(null)) {
            bot.say("pdm execute --confirm");
            bot.awaitIdle();
            assertThat(bot.bot.grafana().orElseThrow().awaitIdle(Duration.ofSeconds(30))).isTrue();

            assertThat(bot.runs().store().run(1).orElseThrow().state().id()).isEqualTo("succeeded");
            // the start, 19 migrations, and the end as one whole region (no start was recorded; the look-up by tag failed too)
            assertThat(bot.bot.metrics().scrape()).contains("pdm_grafana_annotation_errors_total{method=\"POST\",status=\"500\"} 21.0",
                    "pdm_grafana_annotation_errors_total{method=\"GET\",status=\"500\"} 1.0");
            assertThat(grafana.findAll(postRequestedFor(urlPathEqualTo("/api/annotations"))))
                    .allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain("dashboardUID"));
        }
    }

    @Test
    void a_grafana_url_without_a_token_stops_the_start_naming_the_variable() {
        BotConfig base = TestBot.config(dir);
        BotConfig config = new BotConfig(base.data(), base.store(), base.world(), base.roles(), base.console(), base.rules(),
                base.http(), base.slack(), base.discord(), base.run(), base.decide(), base.durations(), base.schedule(), base.deploy(),
                new BotConfig.Grafana(grafana.baseUrl(), null, null, null));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdmBot.start(config, Map.of(), Clock.systemUTC()))
                .isInstanceOf(pdmbot.config.InvalidConfigurationException.class)
                .hasMessageContaining("PDM_GRAFANA_TOKEN (grafana.token-env) holds no service-account token");
    }
}
