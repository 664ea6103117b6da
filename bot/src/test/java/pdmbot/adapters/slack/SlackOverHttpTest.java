package pdmbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.adapters.slack.SignedSlack.JSON;
import static pdmbot.adapters.slack.SignedSlack.actionId;
import static pdmbot.adapters.slack.SignedSlack.form;
import static pdmbot.adapters.slack.SignedSlack.unescaped;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ChatFixtures;

/**
 * Real signed requests over loopback HTTP into the bot's server; Slack's Web API served by WireMock. The adapter's
 * clock is fixed and stamps the requests too, so "301 seconds away" is 301 seconds however slow the machine is.
 */
class SlackOverHttpTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T14:00:00Z"), ZoneOffset.UTC);

    SignedSlack slack;

    @BeforeEach
    void start() throws IOException {
        slack = SignedSlack.start("C0001", CLOCK);
        slack.serve(ChatFixtures.core()::handle, ChatFixtures.interactions(ChatFixtures.migratedDatabase()), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    String slashCommand(String text, String team) {
        return slack.slashCommand(text, team, "U_RM", "alice");
    }

    HttpResponse<String> send(String body, String timestamp, String signature) throws Exception {
        return slack.send(body, timestamp, signature);
    }

    String now(long offsetSeconds) {
        return slack.timestamp(offsetSeconds);
    }

    List<LoggedRequest> waitFor(String path, int count) {
        return slack.await(path, count);
    }

    @Test
    @DisplayName("'/pdm pdm status' is acked at once and posts the exact Block Kit of every block kind")
    void a_signed_slash_command_posts_the_expected_block_kit() throws Exception {
        String body = slashCommand("pdm status", "T0001");
        String ts = now(0);
        HttpResponse<String> ack = send(body, ts, slack.sign(ts, body));
        assertThat(ack.statusCode()).isEqualTo(200);
        List<LoggedRequest> posts = waitFor("/api/chat.postMessage", 1);
        assertThat(posts).hasSize(1);
        String formBody = posts.get(0).getBodyAsString();
        assertThat(form(formBody, "channel")).isEqualTo("C0001");
        JsonNode blocks = JSON.readTree(form(formBody, "blocks"));
        // action ids are opaque and random: compare them by shape, the rest exactly
        for (JsonNode block : blocks)
            if (block.has("elements") && "actions".equals(block.get("type").asText()))
                for (JsonNode element : block.get("elements")) {
                    assertThat(element.get("action_id").asText()).matches("pdm:[0-9a-f]{32}");
                    ((com.fasterxml.jackson.databind.node.ObjectNode) element).put("action_id", "pdm:<id>");
                }
        JsonNode expected = JSON.readTree(Files.readString(Path.of("src/test/resources/slack/every-block-kind.blocks.json")));
        assertThat(blocks).isEqualTo(expected);
    }

    @Test
    void a_request_without_a_signature_is_refused_with_401() throws Exception {
        assertThat(send(slashCommand("help", "T0001"), now(0), null).statusCode()).isEqualTo(401);
        assertThat(send(slashCommand("help", "T0001"), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_wrong_signature_is_refused_with_401() throws Exception {
        String body = slashCommand("help", "T0001");
        String ts = now(0);
        String forged = new SlackSignatureCheck("another-secret", CLOCK).sign(ts, body);
        assertThat(send(body, ts, forged).statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_over_five_minutes_old_is_refused_with_401() throws Exception {
        String body = slashCommand("help", "T0001");
        String ts = now(-301);
        assertThat(send(body, ts, slack.sign(ts, body)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_over_five_minutes_in_the_future_is_refused_with_401() throws Exception {
        String body = slashCommand("help", "T0001");
        String ts = now(301);
        assertThat(send(body, ts, slack.sign(ts, body)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_exactly_five_minutes_away_either_way_is_still_accepted() throws Exception {
        String late = slashCommand("help", "T0001");
        String early = slashCommand("pdm status", "T0001");
        assertThat(send(late, now(-300), slack.sign(now(-300), late)).statusCode()).isEqualTo(200);
        assertThat(send(early, now(300), slack.sign(now(300), early)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_altered_after_signing_is_refused_with_401() throws Exception {
        String body = slashCommand("help", "T0001");
        String ts = now(0);
        String signature = slack.sign(ts, body);
        assertThat(send(body.replace("help", "pdm+execute"), ts, signature).statusCode()).isEqualTo(401);
    }

    @Test
    void a_replayed_request_is_refused_and_handled_once() throws Exception {
        String body = slashCommand("pdm status", "T0001");
        String ts = now(0);
        String signature = slack.sign(ts, body);
        assertThat(send(body, ts, signature).statusCode()).isEqualTo(200);
        assertThat(send(body, ts, signature).statusCode()).isEqualTo(401);
        waitFor("/api/chat.postMessage", 1);
        postMarker();
        // the first request's post and the marker's, and nothing from the replay
        assertThat(waitFor("/api/chat.postMessage", 2)).hasSize(2);
    }

    @Test
    void a_request_from_another_workspace_is_refused() throws Exception {
        String body = slashCommand("pdm status", "T_OTHER");
        String ts = now(0);
        HttpResponse<String> answer = send(body, ts, slack.sign(ts, body));
        assertThat(answer.body()).contains("another workspace");
        postMarker();
        // only the marker's post: the foreign request scheduled no work
        assertThat(waitFor("/api/chat.postMessage", 1)).hasSize(1);
    }

    @Test
    void an_unknown_command_is_answered_privately_through_the_response_url() throws Exception {
        String body = slashCommand("pdm stauts", "T0001");
        String ts = now(0);
        assertThat(send(body, ts, slack.sign(ts, body)).statusCode()).isEqualTo(200);
        List<LoggedRequest> responses = waitFor("/respond", 1);
        assertThat(responses).hasSize(1);
        JsonNode payload = JSON.readTree(responses.get(0).getBodyAsString());
        assertThat(payload.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(payload.get("text").asText()).contains("Unknown command");
    }

    @Test
    void healthz_answers_200_with_json() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(slack.baseUri() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("ok");
    }

    /**
     * Sends a valid request and waits until its reply is posted, so that work an earlier request might have queued
     * had its turn: "nothing more was posted" is then checked after a condition, not after a sleep.
     */
    private void postMarker() throws Exception {
        int before = slack.requests("/api/chat.postMessage").size();
        String body = slashCommand("pdm status", "T0001").replace("api_app_id=A0001", "api_app_id=A0001&marker=" + System.nanoTime());
        String ts = now(0);
        assertThat(send(body, ts, slack.sign(ts, body)).statusCode()).isEqualTo(200);
        assertThat(waitFor("/api/chat.postMessage", before + 1)).hasSizeGreaterThan(before);
    }

    /** Posts '/pdm pdm status' and returns the blocks of the reply (every block kind, with an Explain and an Execute button). */
    private JsonNode statusBlocks() throws Exception {
        String body = slashCommand("pdm status", "T0001");
        String ts = now(0);
        assertThat(send(body, ts, slack.sign(ts, body)).statusCode()).isEqualTo(200);
        return JSON.readTree(form(waitFor("/api/chat.postMessage", 1).get(0).getBodyAsString(), "blocks"));
    }

    /** A block_actions payload shaped as Slack sends it for a click on a message button. */
    private void click(JsonNode blocks, String actionId, String user) throws Exception {
        slack.sendAcknowledged(slack.blockActions(blocks, actionId, user, user.toLowerCase(), "C0001"));
    }

    @Test
    void a_button_click_runs_its_command_as_the_clicking_user_and_the_button_is_replaced() throws Exception {
        JsonNode blocks = statusBlocks();
        click(blocks, actionId(blocks, "Explain"), "U_BOB");
        LoggedRequest update = waitFor("/api/chat.update", 1).get(0);
        assertThat(form(update.getBodyAsString(), "ts")).isEqualTo("1700000000.000100");
        assertThat(unescaped(form(update.getBodyAsString(), "blocks"))).contains("chosen by <@U_BOB>").doesNotContain("\"actions\"");
        // the command the button carries ran through the router: 'migration explain' is unknown to this core
        List<LoggedRequest> answers = waitFor("/respond", 1);
        assertThat(answers.get(answers.size() - 1).getBodyAsString()).contains("Unknown command");
    }

    @Test
    void a_second_click_on_a_used_button_runs_nothing_and_says_who_used_it() throws Exception {
        JsonNode blocks = statusBlocks();
        String explain = actionId(blocks, "Explain");
        click(blocks, explain, "U_BOB");
        waitFor("/api/chat.update", 1);
        click(blocks, explain, "U_CAROL");
        List<LoggedRequest> answers = waitFor("/respond", 2);
        assertThat(answers).anySatisfy(a -> assertThat(unescaped(a.getBodyAsString())).contains("already used by <@U_BOB>"));
        assertThat(slack.api.findAll(postRequestedFor(urlPathEqualTo("/api/chat.update")))).hasSize(1);
    }

    @Test
    void a_danger_button_clicked_by_someone_else_than_the_asker_is_refused() throws Exception {
        JsonNode blocks = statusBlocks();
        click(blocks, actionId(blocks, "Execute"), "U_MALLORY");
        List<LoggedRequest> answers = waitFor("/respond", 1);
        assertThat(unescaped(answers.get(0).getBodyAsString())).contains("Only <@U_RM> can answer this button");
        assertThat(slack.requests("/api/chat.update")).isEmpty();
    }

    @Test
    void a_click_on_a_button_the_bot_never_issued_is_refused() throws Exception {
        JsonNode blocks = statusBlocks();
        click(blocks, "pdm:00000000000000000000000000000000", "U_RM");
        assertThat(waitFor("/respond", 1).get(0).getBodyAsString()).contains("no longer knows this button");
    }
}
