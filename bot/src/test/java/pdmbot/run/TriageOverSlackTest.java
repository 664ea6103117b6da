package pdmbot.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.adapters.slack.SlackAdapter;
import pdmbot.adapters.slack.SlackSignatureCheck;
import pdmbot.config.BotConfig;
import pdmbot.http.HttpServer;

/**
 * The key steps of a triage through real signed Slack requests (slash commands and a block_actions click shaped as
 * https://api.slack.com/interactivity/slash-commands and https://api.slack.com/reference/interaction-payloads/block-actions
 * document them) into the bot's HTTP server, on the demo world, Slack's Web API on WireMock: the triage started by the
 * failure, a button answered, an incident opened, a hand-over, the retry, the triage closed.
 */
class TriageOverSlackTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    WireMockServer slackApi;
    TestBot bot;
    SlackAdapter adapter;
    HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final SlackSignatureCheck signer = new SlackSignatureCheck(SECRET, Clock.systemUTC());

    @BeforeEach
    void start() throws Exception {
        slackApi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slackApi.start();
        String ok = "{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1700000000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}}";
        for (String method : List.of("chat.postMessage", "chat.update", "chat.postEphemeral"))
            slackApi.stubFor(post(urlPathEqualTo("/api/" + method)).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ok)));
        // auth.test as https://api.slack.com/methods/auth.test documents its answer
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"url\":\"https://pdm.slack.com/\",\"team\":\"PDM\",\"user\":\"pdm-bot\",\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/respond")).willReturn(aResponse().withBody("ok")));
        BotConfig base = TestBot.config(dir);
        BotConfig config = new BotConfig(base.data(), base.store(), base.world(), new BotConfig.Roles(Map.of("slack", List.of("U_RM"))),
                base.console(), base.rules(), base.http(), base.slack(), base.discord(), base.run(), base.decide(), base.durations(),
                base.schedule());
        bot = TestBot.start(config);
        SlackConfig slack = new SlackConfig();
        slack.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        adapter = new SlackAdapter(new SlackAdapter.Settings(SECRET, "xoxb-test", "T0001", "test", Duration.ofSeconds(5)),
                Slack.getInstance(slack), bot.bot.core()::handle, bot.bot.interactions(), Clock.systemUTC());
        bot.bot.announcements().subscribe(adapter.announcementsTo("C0001"));
        server = HttpServer.start("127.0.0.1", 0, Map.of("/slack/events", adapter.endpoint()));
    }

    @AfterEach
    void stop() {
        server.close();
        adapter.close();
        bot.close();
        slackApi.stop();
    }

    @Test
    void a_whole_triage_through_signed_slack_requests_ends_closed_by_the_successful_retry() throws Exception {
        bot.say("demo fail next 20231107025611");
        bot.say("pdm execute --confirm");
        bot.awaitIdle();

        // started by the failure: the live summary is posted in the run's thread, with its buttons
        LoggedRequest summary = await(() -> posted("chat.postMessage", "Triage of PDM run #1"));
        JsonNode blocks = JSON.readTree(form(summary, "blocks"));
        String retrySafe = actionId(blocks, "Retry safe: yes");

        click(blocks, retrySafe, "U_RM");
        await(() -> responded("recorded for alice"));
        LoggedRequest edited = await(() -> posted("chat.update", "*yes* by alice"));
        assertThat(form(edited, "ts")).isEqualTo("1700000000.000100");

        int issuesBefore = bot.demo().activeIncidents().size();
        slash("triage answer 1 incident 3");
        await(() -> responded("severity::3"));
        assertThat(bot.demo().activeIncidents()).hasSize(issuesBefore + 1);
        assertThat(bot.demo().activeIncidents().get(issuesBefore).title()).isEqualTo(
                "Post-deploy migration 20231107025611 failed on db/gstg (PDM run #1)");

        slash("triage answer 1 hand-over @bob");
        await(() -> responded("Handed over to @bob"));
        click(blocks, retrySafe, "U_RM");
        await(() -> responded("already used"));

        bot.say("demo fail clear");
        bot.say("demo incident close");
        slash("pdm retry 1 --confirm");
        await(() -> responded("Resuming run #1"));
        bot.awaitIdle();
        await(() -> posted("chat.update", "run #1 was retried and succeeded"));
    }

    private void slash(String text) throws Exception {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", "T0001");
        f.put("team_domain", "pdm");
        f.put("channel_id", "C0001");
        f.put("channel_name", "releases");
        f.put("user_id", "U_RM");
        f.put("user_name", "alice");
        f.put("command", "/pdm");
        f.put("text", text);
        f.put("api_app_id", "A0001");
        f.put("response_url", slackApi.baseUrl() + "/respond");
        f.put("trigger_id", "13345224609.738474920." + Instant.now().toEpochMilli());
        StringBuilder out = new StringBuilder();
        f.forEach((k, v) -> out.append(out.length() > 0 ? "&" : "").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        send(out.toString());
    }

    private void click(JsonNode blocks, String actionId, String user) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("team").put("id", "T0001").put("domain", "pdm");
        p.putObject("user").put("id", user).put("username", "alice").put("name", "alice").put("team_id", "T0001");
        p.put("api_app_id", "A0001");
        p.put("token", "legacy");
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000100").put("channel_id", "C0001")
                .put("is_ephemeral", false);
        p.put("trigger_id", "trigger-" + System.nanoTime());
        p.putObject("channel").put("id", "C0001").put("name", "releases");
        ObjectNode message = p.putObject("message");
        message.put("type", "message").put("text", "Triage").put("ts", "1700000000.000100");
        message.set("blocks", blocks);
        p.put("response_url", slackApi.baseUrl() + "/respond");
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "b1").put("type", "button").put("action_ts", Long.toString(System.nanoTime()));
        action.putObject("text").put("type", "plain_text").put("text", "button");
        send("payload=" + URLEncoder.encode(JSON.writeValueAsString(p), StandardCharsets.UTF_8));
    }

    private void send(String body) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signer.sign(ts, body)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).isEqualTo(200);
    }

    private LoggedRequest posted(String method, String text) {
        return slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream()
                .filter(r -> String.valueOf(form(r, "text")).contains(text) || String.valueOf(form(r, "blocks")).contains(text))
                .findFirst().orElse(null);
    }

    private LoggedRequest responded(String text) {
        return slackApi.findAll(postRequestedFor(urlPathEqualTo("/respond"))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).findFirst()
                .or(() -> slackApi.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                        .filter(r -> String.valueOf(form(r, "text")).contains(text)).findFirst())
                .orElse(null);
    }

    /** Waits, with a deadline, for what Slack was sent. */
    private static LoggedRequest await(Supplier<LoggedRequest> found) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            LoggedRequest r = found.get();
            if (r != null) return r;
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        throw new AssertionError("Slack was not sent what the test waited for within 20 s");
    }

    private static String actionId(JsonNode blocks, String label) {
        for (JsonNode block : blocks)
            if ("actions".equals(block.path("type").asText()))
                for (JsonNode e : block.path("elements"))
                    if (e.path("text").path("text").asText().equals(label)) return e.path("action_id").asText();
        throw new AssertionError("no button " + label + " in " + blocks);
    }

    private static String form(LoggedRequest r, String key) {
        for (String pair : r.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }
}
