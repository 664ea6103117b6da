package pdmbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ChatFixtures;
import pdmbot.http.HttpServer;

/** Real signed requests over loopback HTTP into the bot's server; Slack's Web API served by WireMock. */
class SlackOverHttpTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer slackApi;
    SlackAdapter adapter;
    HttpServer server;
    HttpClient http = HttpClient.newHttpClient();
    SlackSignatureCheck signer = new SlackSignatureCheck(SECRET, Clock.systemUTC());

    @BeforeEach
    void start() throws IOException {
        slackApi = new WireMockServer(options().dynamicPort());
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"url\":\"https://pdm.slack.com/\",\"team\":\"PDM\",\"user\":\"pdm-bot\",\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1700000000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}}")));
        slackApi.stubFor(post(urlPathEqualTo("/respond")).willReturn(aResponse().withBody("ok")));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        var db = ChatFixtures.migratedDatabase();
        Clock clock = Clock.systemUTC();
        adapter = new SlackAdapter(new SlackAdapter.Settings(SECRET, "xoxb-test", "T0001", "test", Duration.ofSeconds(2)),
                Slack.getInstance(config), ChatFixtures.core()::handle, ChatFixtures.interactions(db), clock);
        server = HttpServer.start("127.0.0.1", 0, Map.of("/slack/events", adapter.endpoint()));
    }

    @AfterEach
    void stop() {
        server.close();
        adapter.close();
        slackApi.stop();
    }

    String slashCommand(String text, String team) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", team);
        f.put("team_domain", "pdm");
        f.put("channel_id", "C0001");
        f.put("channel_name", "releases");
        f.put("user_id", "U_RM");
        f.put("user_name", "alice");
        f.put("command", "/pdm");
        f.put("text", text);
        f.put("api_app_id", "A0001");
        f.put("response_url", slackApi.baseUrl() + "/respond");
        f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        StringBuilder out = new StringBuilder();
        f.forEach((k, v) -> out.append(out.length() > 0 ? "&" : "").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    HttpResponse<String> send(String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.baseUri() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) r.header("X-Slack-Request-Timestamp", timestamp);
        if (signature != null) r.header("X-Slack-Signature", signature);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String now(long offsetSeconds) {
        return Long.toString(System.currentTimeMillis() / 1000 + offsetSeconds);
    }

    List<LoggedRequest> waitFor(String path, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<LoggedRequest> found = slackApi.findAll(postRequestedFor(urlPathEqualTo(path)));
            if (found.size() >= count) return found;
            Thread.sleep(50);
        }
        return slackApi.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    static String formValue(String body, String key) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    @Test
    @DisplayName("'/pdm pdm status' is acked at once and posts the exact Block Kit of every block kind")
    void a_signed_slash_command_posts_the_expected_block_kit() throws Exception {
        String body = slashCommand("pdm status", "T0001");
        String ts = now(0);
        HttpResponse<String> ack = send(body, ts, signer.sign(ts, body));
        assertThat(ack.statusCode()).isEqualTo(200);
        List<LoggedRequest> posts = waitFor("/api/chat.postMessage", 1);
        assertThat(posts).hasSize(1);
        String form = posts.get(0).getBodyAsString();
        assertThat(formValue(form, "channel")).isEqualTo("C0001");
        JsonNode blocks = JSON.readTree(formValue(form, "blocks"));
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
        String forged = new SlackSignatureCheck("another-secret", Clock.systemUTC()).sign(ts, body);
        assertThat(send(body, ts, forged).statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_over_five_minutes_old_is_refused_with_401() throws Exception {
        String body = slashCommand("help", "T0001");
        String ts = now(-301);
        assertThat(send(body, ts, signer.sign(ts, body)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_timestamp_over_five_minutes_in_the_future_is_refused_with_401() throws Exception {
        String body = slashCommand("help", "T0001");
        String ts = now(301);
        assertThat(send(body, ts, signer.sign(ts, body)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_body_altered_after_signing_is_refused_with_401() throws Exception {
        String body = slashCommand("help", "T0001");
        String ts = now(0);
        String signature = signer.sign(ts, body);
        assertThat(send(body.replace("help", "pdm+execute"), ts, signature).statusCode()).isEqualTo(401);
    }

    @Test
    void a_replayed_request_is_refused_and_handled_once() throws Exception {
        String body = slashCommand("pdm status", "T0001");
        String ts = now(0);
        String signature = signer.sign(ts, body);
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
        HttpResponse<String> answer = send(body, ts, signer.sign(ts, body));
        assertThat(answer.body()).contains("another workspace");
        postMarker();
        // only the marker's post: the foreign request scheduled no work
        assertThat(waitFor("/api/chat.postMessage", 1)).hasSize(1);
    }

    @Test
    void an_unknown_command_is_answered_privately_through_the_response_url() throws Exception {
        String body = slashCommand("pdm stauts", "T0001");
        String ts = now(0);
        assertThat(send(body, ts, signer.sign(ts, body)).statusCode()).isEqualTo(200);
        List<LoggedRequest> responses = waitFor("/respond", 1);
        assertThat(responses).hasSize(1);
        JsonNode payload = JSON.readTree(responses.get(0).getBodyAsString());
        assertThat(payload.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(payload.get("text").asText()).contains("Unknown command");
    }

    @Test
    void healthz_answers_200_with_json() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("ok");
    }

    /**
     * Sends a valid request and waits until its reply is posted, so that work an earlier request might have queued
     * had its turn: "nothing more was posted" is then checked after a condition, not after a sleep.
     */
    private void postMarker() throws Exception {
        int before = slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).size();
        String body = slashCommand("pdm status", "T0001").replace("api_app_id=A0001", "api_app_id=A0001&marker=" + System.nanoTime());
        String ts = now(0);
        assertThat(send(body, ts, signer.sign(ts, body)).statusCode()).isEqualTo(200);
        assertThat(waitFor("/api/chat.postMessage", before + 1)).hasSizeGreaterThan(before);
    }

    /** Slack's client writes JSON with Gson, which escapes {@code <} and {@code >}. */
    private static String unescaped(String json) {
        return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u003d", "=");
    }

    /** Posts '/pdm pdm status' and returns the blocks of the reply (every block kind, with an Explain and an Execute button). */
    private JsonNode statusBlocks() throws Exception {
        String body = slashCommand("pdm status", "T0001");
        String ts = now(0);
        assertThat(send(body, ts, signer.sign(ts, body)).statusCode()).isEqualTo(200);
        return JSON.readTree(formValue(waitFor("/api/chat.postMessage", 1).get(0).getBodyAsString(), "blocks"));
    }

    private static String actionId(JsonNode blocks, String label) {
        for (JsonNode block : blocks)
            if ("actions".equals(block.get("type").asText()))
                for (JsonNode e : block.get("elements"))
                    if (e.get("text").get("text").asText().equals(label)) return e.get("action_id").asText();
        throw new AssertionError("no button " + label);
    }

    /** A block_actions payload shaped as Slack sends it for a click on a message button. */
    private String click(JsonNode blocks, String actionId, String user, String triggerId) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("team").put("id", "T0001").put("domain", "pdm");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0001");
        p.put("api_app_id", "A0001");
        p.put("token", "legacy");
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000100").put("channel_id", "C0001")
                .put("is_ephemeral", false);
        p.put("trigger_id", triggerId);
        p.putObject("channel").put("id", "C0001").put("name", "releases");
        com.fasterxml.jackson.databind.node.ObjectNode message = p.putObject("message");
        message.put("type", "message").put("text", "Pending post-deploy migrations").put("ts", "1700000000.000100");
        message.set("blocks", blocks);
        p.put("response_url", slackApi.baseUrl() + "/respond");
        com.fasterxml.jackson.databind.node.ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "b1").put("type", "button").put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", "button");
        String body = "payload=" + URLEncoder.encode(JSON.writeValueAsString(p), StandardCharsets.UTF_8);
        String ts = now(0);
        HttpResponse<String> ack = send(body, ts, signer.sign(ts, body));
        assertThat(ack.statusCode()).isEqualTo(200);
        return body;
    }

    @Test
    void a_button_click_runs_its_command_as_the_clicking_user_and_the_button_is_replaced() throws Exception {
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1700000000.000100\",\"text\":\"ok\"}")));
        JsonNode blocks = statusBlocks();
        click(blocks, actionId(blocks, "Explain"), "U_BOB", "trigger-1");
        LoggedRequest update = waitFor("/api/chat.update", 1).get(0);
        assertThat(formValue(update.getBodyAsString(), "ts")).isEqualTo("1700000000.000100");
        assertThat(unescaped(formValue(update.getBodyAsString(), "blocks"))).contains("chosen by <@U_BOB>").doesNotContain("\"actions\"");
        // the command the button carries ran through the router: 'migration explain' is unknown to this core
        List<LoggedRequest> answers = waitFor("/respond", 1);
        assertThat(answers.get(answers.size() - 1).getBodyAsString()).contains("Unknown command");
    }

    @Test
    void a_second_click_on_a_used_button_runs_nothing_and_says_who_used_it() throws Exception {
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1700000000.000100\",\"text\":\"ok\"}")));
        JsonNode blocks = statusBlocks();
        String explain = actionId(blocks, "Explain");
        click(blocks, explain, "U_BOB", "trigger-1");
        waitFor("/api/chat.update", 1);
        click(blocks, explain, "U_CAROL", "trigger-2");
        List<LoggedRequest> answers = waitFor("/respond", 2);
        assertThat(answers).anySatisfy(a -> assertThat(unescaped(a.getBodyAsString())).contains("already used by <@U_BOB>"));
        assertThat(slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.update")))).hasSize(1);
    }

    @Test
    void a_danger_button_clicked_by_someone_else_than_the_asker_is_refused() throws Exception {
        JsonNode blocks = statusBlocks();
        click(blocks, actionId(blocks, "Execute"), "U_MALLORY", "trigger-3");
        List<LoggedRequest> answers = waitFor("/respond", 1);
        assertThat(unescaped(answers.get(0).getBodyAsString())).contains("Only <@U_RM> can answer this button");
        assertThat(slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.update")))).isEmpty();
    }

    @Test
    void a_click_on_a_button_the_bot_never_issued_is_refused() throws Exception {
        JsonNode blocks = statusBlocks();
        click(blocks, "pdm:00000000000000000000000000000000", "U_RM", "trigger-4");
        assertThat(waitFor("/respond", 1).get(0).getBodyAsString()).contains("no longer knows this button");
    }
}
