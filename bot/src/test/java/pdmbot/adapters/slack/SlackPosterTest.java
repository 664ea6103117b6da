package pdmbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Posting respects Slack's limits (429 Retry-After, response_url uses) and reports whether the Web API answers. */
class SlackPosterTest {

    static final String OK = "{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1700000000.000300\",\"message\":{\"type\":\"message\",\"text\":\"hi\"}}";

    WireMockServer slackApi;
    final List<Duration> pauses = new ArrayList<>();
    SlackPoster poster;

    @BeforeEach
    void start() {
        slackApi = new WireMockServer(options().dynamicPort());
        slackApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        poster = new SlackPoster(Slack.getInstance(config), "xoxb-test", pauses::add);
    }

    @AfterEach
    void stop() {
        slackApi.stop();
    }

    private static BlockKitRenderer.SlackMessage hello() {
        return new BlockKitRenderer(b -> "").render(pdmbot.chat.Reply.ok("hi")).get(0);
    }

    @Test
    void a_429_is_waited_out_for_its_retry_after_then_the_post_goes_through() {
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OK)));
        assertThat(poster.post("C0001", null, hello())).contains("1700000000.000300");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2));
        assertThat(slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))).hasSize(2);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue 17: a 429, a 500 and an ok=false answer are each counted by method and status for /metrics")
    void failed_calls_are_counted_by_method_and_status_for_the_metrics() {
        List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        poster.countErrorsIn((method, status) -> counted.add(method + " " + status));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(OK)));
        // chat.update's documented error answer: https://api.slack.com/methods/chat.update#errors
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"message_not_found\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral")).willReturn(aResponse().withStatus(500)));

        assertThat(poster.post("C0001", null, hello())).isPresent();
        assertThat(poster.update("C0001", "1700000000.000300", hello())).isFalse();
        assertThat(poster.postEphemeral("C0001", "U1", null, hello())).isFalse();

        assertThat(counted).containsExactly("chat.postMessage 429", "chat.update message_not_found", "chat.postEphemeral 500");
    }

    @Test
    void a_rate_limit_that_never_lifts_gives_up_after_a_bounded_number_of_tries() {
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        assertThat(poster.post("C0001", null, hello())).isEmpty();
        int tries = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size();
        assertThat(tries).isBetween(2, 5);
        assertThat(pauses).hasSize(tries - 1);
    }

    @Test
    void a_sixth_private_answer_to_one_request_goes_by_chat_post_ephemeral_once_the_response_url_is_used_up() {
        // chat.postEphemeral's documented answer: https://api.slack.com/methods/chat.postEphemeral#examples
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"message_ts\":\"1502210682.580145\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/respond")).willReturn(aResponse().withBody("ok")));
        SlackReplies replies = new SlackReplies(r -> pdmbot.chat.Reply.ok("x"), poster, null, null, Duration.ofSeconds(1));
        SlackReplies.Target target = new SlackReplies.Target("C0001", null, "U_RM", slackApi.baseUrl() + "/respond");
        for (int i = 0; i < ResponseUrls.MAX_USES + 1; i++) replies.privately(target, hello());
        assertThat(slackApi.findAll(postRequestedFor(urlPathEqualTo("/respond")))).hasSize(ResponseUrls.MAX_USES);
        assertThat(slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postEphemeral")))).hasSize(1);
    }

    @Test
    void a_refused_connection_marks_slack_degraded_until_an_answer_comes_back() {
        SlackHealth health = new SlackHealth();
        SlackConfig dead = new SlackConfig();
        dead.setMethodsEndpointUrlPrefix("http://127.0.0.1:9/api/");
        SlackPoster unreachable = new SlackPoster(Slack.getInstance(dead), "xoxb-test", pauses::add, health);
        assertThat(unreachable.post("C0001", null, hello())).isEmpty();
        assertThat(health.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("Web API unreachable: chat.postMessage failed:")
                .doesNotContain("xoxb"));
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"team_id\":\"T0001\",\"user_id\":\"UBOT\"}")));
        SlackConfig back = new SlackConfig();
        back.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        assertThat(new SlackPoster(Slack.getInstance(back), "xoxb-test", pauses::add, health).probe()).isTrue();
        assertThat(health.problem()).isEmpty();
    }
}
