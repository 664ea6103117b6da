package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every GitLab call retries what may pass, stops on what will not, and says which call failed and why. */
class GitLabResilienceTest extends GitLabWireMock {

    static final String TAGS = PROJECT + "/repository/tags";
    static final String TAGS_IN_MESSAGES = "GET /projects/gitlab-org%2Fgitlab/repository/tags";

    void answerTagsInTurn(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            gitlab.stubFor(get(urlPathEqualTo(TAGS)).inScenario("tags").whenScenarioStateIs(i == 0 ? STARTED : "try " + i)
                    .willReturn(answers[i]).willSetStateTo("try " + (i + 1)));
        }
    }

    static ResponseDefinitionBuilder tags() {
        return json("tags-page-2.json");
    }

    @Test
    void unauthorized_names_gitlab_the_call_the_status_and_where_the_token_comes_from_without_retrying() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(error(401, "401 Unauthorized")));

        assertThatThrownBy(() -> world.packages().packages())
                .isInstanceOf(UnableToListPackagesException.class)
                .hasMessage("GitLab answered 401 Unauthorized to " + TAGS_IN_MESSAGES
                        + ": check the token in PDM_GITLAB_TOKEN");
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(TAGS)));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void forbidden_says_the_token_lacks_a_scope_or_access_without_retrying() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(error(403, "403 Forbidden")));

        assertThatThrownBy(() -> world.packages().packages())
                .hasMessageStartingWith("GitLab answered 403 Forbidden to " + TAGS_IN_MESSAGES + ": the token in PDM_GITLAB_TOKEN lacks a scope");
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(TAGS)));
    }

    @Test
    void not_found_quotes_gitlab_and_points_at_the_project_path() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(error(404, "404 Project Not Found")));

        assertThatThrownBy(() -> world.packages().packages())
                .hasMessage("GitLab answered 404 Not Found to " + TAGS_IN_MESSAGES + " (\"404 Project Not Found\"): check the"
                        + " project path and the ref, and that the token in PDM_GITLAB_TOKEN can see the project");
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(TAGS)));
    }

    @Test
    void too_many_requests_waits_what_retry_after_asks_then_succeeds() {
        answerTagsInTurn(error(429, "Retry later").withHeader("Retry-After", "1"), tags());

        assertThat(world.packages().packages()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        gitlab.verify(2, getRequestedFor(urlPathEqualTo(TAGS)));
    }

    @Test
    void a_retry_after_of_a_rate_limits_minute_is_waited_for_by_default_issue_12() {
        answerTagsInTurn(error(429, "Retry later").withHeader("Retry-After", "45"), tags());

        assertThat(world.packages().packages()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(45));
    }

    @Test
    void the_longest_retry_after_the_bot_waits_is_configurable() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(error(429, "Retry later").withHeader("Retry-After", "45")));
        try (GitLabWorld impatient = GitLabWorld.open(settings(Optional.empty()),
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5)).withMaxRetryAfter(Duration.ofSeconds(10)),
                sleeps::add, java.time.Clock.systemUTC())) {
            assertThatThrownBy(() -> impatient.packages().packages()).hasMessageContaining("429 Too Many Requests")
                    .hasMessageContaining("asked to wait 45 s, more than the 10 s the bot waits");
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void a_retry_after_longer_than_the_bot_waits_fails_at_once_saying_gitlab_rate_limits() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(error(429, "Retry later").withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> world.packages().packages())
                .hasMessageContaining("429 Too Many Requests").hasMessageContaining("rate-limiting");
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(TAGS)));
    }

    @Test
    void server_errors_are_retried_with_a_growing_jittered_backoff_until_one_succeeds() {
        answerTagsInTurn(error(500, "500 Internal Server Error"), aResponse().withStatus(503).withBody("upstream down"), tags());

        assertThat(world.packages().packages()).hasSize(2);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue 17: every failed try is counted by verb and status for /metrics, a 404 that means 'none' is not")
    void failed_calls_are_counted_by_status_for_the_metrics() {
        java.util.List<String> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        world.countErrorsIn((method, status) -> counted.add(method + " " + status));
        answerTagsInTurn(error(500, "500 Internal Server Error"), aResponse().withStatus(503).withBody("upstream down"), tags());

        assertThat(world.packages().packages()).hasSize(2);

        assertThat(counted).containsExactly("GET 500", "GET 503");
    }

    @Test
    void an_unavailable_gitlab_is_given_up_after_three_tries_with_a_clear_message() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> world.packages().packages())
                .isInstanceOf(UnableToListPackagesException.class)
                .hasMessage("GitLab answered 503 Service Unavailable to " + TAGS_IN_MESSAGES
                        + " (gave up after 3 tries): GitLab is failing or unavailable; try again later");
        gitlab.verify(3, getRequestedFor(urlPathEqualTo(TAGS)));
    }

    @Test
    void an_answer_slower_than_the_timeout_is_retried_then_given_up() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(tags().withFixedDelay(1500)));

        assertThatThrownBy(() -> world.packages().packages())
                .isInstanceOf(UnableToListPackagesException.class)
                .hasMessageStartingWith("GitLab did not answer " + TAGS_IN_MESSAGES + " within 1 s (gave up after 3 tries)");
        gitlab.verify(3, getRequestedFor(urlPathEqualTo(TAGS)));
    }

    @Test
    void malformed_json_is_a_clear_error_and_not_retried() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(okForContentType("application/json", "[{\"name\": \"16.6")));

        assertThatThrownBy(() -> world.packages().packages())
                .isInstanceOf(UnableToListPackagesException.class)
                .hasMessageStartingWith("GitLab answered " + TAGS_IN_MESSAGES + " with malformed JSON");
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(TAGS)));
    }

    @Test
    void a_page_failing_after_the_first_fails_the_whole_list() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).withQueryParam("page", equalTo("1")).willReturn(
                okForContentType("application/json", fixture("tags-page-1.json")).withHeader("X-Per-Page", "2")
                        .withHeader("X-Page", "1").withHeader("X-Total-Pages", "2").withHeader("X-Next-Page", "2")));
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).withQueryParam("page", equalTo("2")).willReturn(error(403, "403 Forbidden")));

        assertThatThrownBy(() -> world.packages().packages())
                .isInstanceOf(UnableToListPackagesException.class)
                .hasMessageStartingWith("GitLab answered 403 Forbidden to " + TAGS_IN_MESSAGES + " (page 2)");
    }

    @Test
    void the_token_is_sent_as_private_token_and_never_shows_in_a_message_or_a_log_line() {
        gitlab.stubFor(get(urlPathEqualTo(TAGS)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"bad gateway for " + TOKEN + "\"}")));

        assertThatThrownBy(() -> world.packages().packages())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).contains("[token hidden]"))
                .satisfies(e -> {
                    for (Throwable t = e.getCause(); t != null; t = t.getCause())
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
                });
        gitlab.verify(3, getRequestedFor(urlPathEqualTo(TAGS)).withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
        assertThat(logs.list).isNotEmpty();
        assertThat(everythingLogged()).doesNotContain(TOKEN);
        assertThat(GitLabWireMock.settings(java.util.Optional.empty()).toString()).doesNotContain(TOKEN);
    }
}
