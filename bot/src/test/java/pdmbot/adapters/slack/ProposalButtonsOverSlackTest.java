package pdmbot.adapters.slack;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ChatFixtures;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.ChatCore;
import pdmbot.chat.RoleDirectory;
import pdmbot.chat.Router;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.chat.interaction.Interactions;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.PendingGroup;
import pdmbot.decide.Window;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.http.HttpServer;
import pdmbot.schedule.GroupRuns;
import pdmbot.schedule.ProposalConfirmCommand;
import pdmbot.schedule.ProposalSkipCommand;
import pdmbot.schedule.Proposals;
import pdmbot.schedule.ScheduleSettings;
import pdmbot.schedule.WindowKey;
import pdmbot.storage.Stores;
import pdmbot.world.PendingMigration;

/**
 * A scheduled run's proposal posted to the announcements channel with Confirm / Skip (Slack Web API on WireMock), and
 * its Confirm clicked through signed block_actions requests into Bolt: the run starts once, a second click on the
 * same button runs nothing, and a guest's click is refused by the command's role.
 */
class ProposalButtonsOverSlackTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Window WINDOW = new Window(Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T06:00:00Z"));
    static final PendingGroup GROUP = new PendingGroup(Environment.GPRD, "ddl_cleanup", List.of(new PendingMigration(
            Environment.GPRD, LogicalDatabase.MAIN, new PostMigration("20231107025611", "remove_index_merge_requests_on_merge_jid",
            "db/post_migrate/20231107025611_remove_index_merge_requests_on_merge_jid.rb"))));

    WireMockServer slackApi;
    SlackAdapter adapter;
    HttpServer server;
    Proposals proposals;
    final List<PendingGroup> started = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();
    final SlackSignatureCheck signer = new SlackSignatureCheck(SECRET, Clock.systemUTC());

    @BeforeEach
    void start() throws Exception {
        slackApi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slackApi.start();
        slackApi.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"url\":\"https://pdm.slack.com/\",\"team\":\"PDM\",\"user\":\"pdm-bot\",\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0ANNOUNCE\",\"ts\":\"1700000000.000100\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}}")));
        slackApi.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":true,\"channel\":\"C0ANNOUNCE\",\"ts\":\"1700000000.000100\",\"text\":\"ok\"}")));
        slackApi.stubFor(post(urlPathEqualTo("/respond")).willReturn(aResponse().withBody("ok")));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");

        DataSource db = ChatFixtures.migratedDatabase();
        Clock clock = Clock.fixed(WINDOW.start().plusSeconds(600), ZoneOffset.UTC);
        Stores stores = Stores.on(db, clock);
        Interactions interactions = ChatFixtures.interactions(db);
        AtomicReference<pdmbot.chat.Announcements> channel = new AtomicReference<>();
        GroupRuns runs = (group, by) -> {
            started.add(group);
            return new GroupRuns.Started(41, "only " + group.nature());
        };
        proposals = new Proposals((from, until) -> List.of(new GroupWindow(GROUP, Optional.of(new Window(from, WINDOW.end())), List.of())),
                stores.offers(), new Dialogues(stores.dialogues(), clock), runs,
                new pdmbot.chat.Announcements() {
                    @Override
                    public void announce(String topic, pdmbot.chat.Reply message) {
                        channel.get().announce(topic, message);
                    }

                    @Override
                    public void propose(String topic, pdmbot.chat.Reply message) {
                        channel.get().propose(topic, message);
                    }
                },
                new ScheduleSettings("propose", List.of(), Duration.ofDays(7), Duration.ofMinutes(1)), clock);
        ChatCore core = new ChatCore(new Router(List.of(new ProposalConfirmCommand(proposals), new ProposalSkipCommand(proposals))),
                RoleDirectory.configured(Map.of("slack", Set.of("U_RM", "U_RM2"))), AuditTrail.NONE);
        adapter = new SlackAdapter(new SlackAdapter.Settings(SECRET, "xoxb-test", "T0001", "test", Duration.ofSeconds(2)),
                Slack.getInstance(config), core::handle, interactions, Clock.systemUTC());
        channel.set(adapter.announcementsTo("C0ANNOUNCE"));
        server = HttpServer.start("127.0.0.1", 0, Map.of("/slack/events", adapter.endpoint()));
    }

    @AfterEach
    void stop() {
        server.close();
        adapter.close();
        slackApi.stop();
    }

    /** Proposes the window and returns the blocks Slack received for it (the sender thread is drained first). */
    private JsonNode proposalBlocks() throws Exception {
        proposals.atWindow(WindowKey.of(GROUP.environment(), GROUP.nature(), WINDOW));
        List<LoggedRequest> posts = awaitRequests("/api/chat.postMessage", 1);
        return JSON.readTree(formValue(posts.get(0).getBodyAsString(), "blocks"));
    }

    /** Waits, up to 10 seconds, until Slack's API on WireMock has received {@code count} requests on {@code path}. */
    private List<LoggedRequest> awaitRequests(String path, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<LoggedRequest> found = slackApi.findAll(postRequestedFor(urlPathEqualTo(path)));
        while (found.size() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            found = slackApi.findAll(postRequestedFor(urlPathEqualTo(path)));
        }
        assertThat(found).as("requests on %s", path).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    private static String actionId(JsonNode blocks, String label) {
        for (JsonNode block : blocks)
            if ("actions".equals(block.get("type").asText()))
                for (JsonNode e : block.get("elements"))
                    if (e.get("text").get("text").asText().equals(label)) return e.get("action_id").asText();
        throw new AssertionError("no button " + label + " in " + blocks);
    }

    static String formValue(String body, String key) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    /** A block_actions payload as Slack sends it for a click on a channel message's button, signed as Slack signs it. */
    private void click(JsonNode blocks, String actionId, String user, String triggerId) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("team").put("id", "T0001").put("domain", "pdm");
        p.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", "T0001");
        p.put("api_app_id", "A0001");
        p.put("token", "legacy");
        p.putObject("container").put("type", "message").put("message_ts", "1700000000.000100").put("channel_id", "C0ANNOUNCE")
                .put("is_ephemeral", false);
        p.put("trigger_id", triggerId);
        p.putObject("channel").put("id", "C0ANNOUNCE").put("name", "announcements");
        ObjectNode message = p.putObject("message");
        message.put("type", "message").put("text", "Proposed").put("ts", "1700000000.000100");
        message.set("blocks", blocks);
        p.put("response_url", slackApi.baseUrl() + "/respond");
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "b1").put("type", "button").put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", "Confirm");
        String body = "payload=" + URLEncoder.encode(JSON.writeValueAsString(p), StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signer.sign(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).isEqualTo(200);
    }

    private static String unescaped(String json) {
        return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u003d", "=");
    }

    @Test
    void the_proposal_reaches_the_channel_with_confirm_and_skip() throws Exception {
        JsonNode blocks = proposalBlocks();

        assertThat(actionId(blocks, "Confirm")).isNotBlank();
        assertThat(actionId(blocks, "Skip")).isNotBlank();
        assertThat(formValue(awaitRequests("/api/chat.postMessage", 1).get(0).getBodyAsString(), "channel")).isEqualTo("C0ANNOUNCE");
    }

    @Test
    void a_release_managers_confirm_click_starts_the_run_once_and_a_second_click_runs_nothing() throws Exception {
        JsonNode blocks = proposalBlocks();
        String confirm = actionId(blocks, "Confirm");

        click(blocks, confirm, "U_RM", "trigger-1");
        // the command's answer is posted in the channel (the proposal was the first message), the buttons replaced
        List<LoggedRequest> posted = awaitRequests("/api/chat.postMessage", 2);
        List<LoggedRequest> updated = awaitRequests("/api/chat.update", 1);
        click(blocks, confirm, "U_RM2", "trigger-2");
        List<LoggedRequest> answers = awaitRequests("/respond", 1);

        assertThat(posted).anySatisfy(a -> assertThat(unescaped(formValue(a.getBodyAsString(), "blocks")))
                .contains("PDM run #41 started"));
        assertThat(unescaped(formValue(updated.get(0).getBodyAsString(), "blocks"))).contains("chosen by <@U_RM>");
        assertThat(unescaped(answers.get(0).getBodyAsString())).contains("already used by <@U_RM>");
        assertThat(started).containsExactly(GROUP);
    }

    @Test
    void a_guests_click_is_refused_and_starts_nothing() throws Exception {
        JsonNode blocks = proposalBlocks();

        click(blocks, actionId(blocks, "Confirm"), "U_GUEST", "trigger-3");
        List<LoggedRequest> answers = awaitRequests("/respond", 1);

        assertThat(unescaped(answers.get(0).getBodyAsString())).contains("release managers");
        assertThat(started).isEmpty();
    }
}
