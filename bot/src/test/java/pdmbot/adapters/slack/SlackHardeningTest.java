package pdmbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.adapters.ChatFixtures;
import pdmbot.storage.events.JdbcChatEventStore;

/**
 * Signed but malformed input, raw-byte signatures, an unreachable Web API and clicks without ids (issue 13, items
 * 2–5). Payload shapes: Slack's documented slash command and block_actions examples
 * (https://api.slack.com/interactivity/slash-commands#app_command_handling,
 * https://api.slack.com/reference/interaction-payloads/block-actions), trimmed to the fields the bot reads.
 */
class SlackHardeningTest {

    static final ObjectMapper JSON = new ObjectMapper();

    SignedSlack slack;
    DataSource db;
    final HttpClient http = HttpClient.newHttpClient();

    /** Starts the bot with the Web API at {@code webApi} (WireMock, or a port nothing listens on) and response_url on WireMock. */
    void start(String webApi) {
        db = ChatFixtures.migratedDatabase();
        slack.serve(webApi, ChatFixtures.core()::handle, ChatFixtures.interactions(db), Duration.ofSeconds(2));
    }

    @BeforeEach
    void slack() {
        slack = SignedSlack.start("C0001", Clock.systemUTC());
    }

    void startWithWireMock() {
        start(slack.api.baseUrl());
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    HttpResponse<String> signed(byte[] body, String contentType) throws Exception {
        return slack.sendSigned(body, contentType);
    }

    HttpResponse<String> send(byte[] body, String contentType, String ts, String signature) throws Exception {
        return slack.send(body, contentType, ts, signature);
    }

    static byte[] form(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    String command(String userId, String text) {
        return "command=%2Fpdm&team_id=T0001&channel_id=C0001&user_id=" + userId + "&user_name=alice&text=" + text
                + "&response_url=" + URLEncoder.encode(slack.api.baseUrl() + "/respond", StandardCharsets.UTF_8)
                + "&trigger_id=1.2.3";
    }

    @Test
    void signed_but_malformed_bodies_are_answered_400_and_nothing_runs() throws Exception {
        startWithWireMock();
        String formType = "application/x-www-form-urlencoded";
        assertThat(signed(form(command("U_RM", "pdm%ZZstatus")), formType).statusCode()).as("invalid %-encoding").isEqualTo(400);
        assertThat(signed(form("[1,2,3]"), "application/json").statusCode()).as("a JSON array").isEqualTo(400);
        assertThat(signed(form(command("", "help")), formType).statusCode()).as("empty user_id").isEqualTo(400);
        assertThat(signed(form(command("U_RM", "help").replace("user_id=U_RM&", "")), formType).statusCode())
                .as("no user_id").isEqualTo(400);
        assertThat(signed(form("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T0001\",\"event\":"
                + "{\"type\":\"app_mention\",\"text\":\"<@UBOT> help\",\"channel\":\"C0001\",\"ts\":\"1.2\"}}"), "application/json")
                .statusCode()).as("app_mention without user").isEqualTo(400);
        assertThat(signed(form("payload=not-json"), formType).statusCode()).as("payload= not JSON").isEqualTo(400);
        assertThat(signed(form("payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"pdm:x\"}]}",
                StandardCharsets.UTF_8)), formType).statusCode()).as("block_actions without user").isEqualTo(400);
        assertThat(signed(form("payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"user\":{\"id\":\"U_RM\"},\"actions\":[]}",
                StandardCharsets.UTF_8)), formType).statusCode()).as("block_actions with no action").isEqualTo(400);
        // a valid command afterwards is the only thing answered: nothing of the above ran or was queued
        assertThat(signed(form(command("U_RM", "help")), formType).statusCode()).isEqualTo(200);
        assertThat(waitFor("/api/chat.postMessage", 1)).hasSize(1);
        assertThat(slack.requests("/respond")).isEmpty();
    }

    @Test
    void slacks_url_verification_and_ssl_check_are_answered_without_bolts_middleware() throws Exception {
        startWithWireMock();
        // shapes: https://api.slack.com/events/url_verification and https://api.slack.com/interactivity/slash-commands#ssl
        HttpResponse<String> challenge = signed(form("{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":"
                + "\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"), "application/json");
        assertThat(challenge.statusCode()).isEqualTo(200);
        assertThat(challenge.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        assertThat(signed(form("ssl_check=1&token=legacy"), "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_that_is_not_utf8_is_accepted_when_signed_over_its_raw_bytes_then_refused_as_malformed() throws Exception {
        startWithWireMock();
        byte[] body = form(command("U_RM", "help") + "&extra=");
        byte[] withBadByte = java.util.Arrays.copyOf(body, body.length + 1);
        withBadByte[body.length] = (byte) 0xFF;
        assertThat(signed(withBadByte, "application/x-www-form-urlencoded").statusCode()).isEqualTo(400);
        String ts = slack.timestamp(0);
        String overDecoded = slack.sign(ts, new String(withBadByte, StandardCharsets.UTF_8));
        assertThat(send(withBadByte, "application/x-www-form-urlencoded", ts, overDecoded).statusCode()).isEqualTo(401);
    }

    @Test
    void with_the_web_api_unreachable_a_command_is_acked_and_answered_through_its_response_url_and_healthz_says_degraded()
            throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        start("http://127.0.0.1:" + dead);
        assertThat(signed(form(command("U_RM", "pdm+status")), "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
        assertThat(waitFor("/respond", 1)).hasSize(1);
        assertThat(waitFor("/respond", 1).get(0).getBodyAsString()).contains("\"response_type\":\"in_channel\"");
        HttpResponse<String> health = waitForHealth(503);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).startsWith("{\"status\":\"degraded\",\"slack\":\"Web API unreachable:");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(slack.baseUri() + "/healthz/live")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void two_clicks_without_trigger_id_are_two_events_and_a_click_nobody_can_answer_releases_its_claim() throws Exception {
        startWithWireMock();
        ObjectNode first = click("1700000001.000200", true);
        ObjectNode second = click("1700000002.000300", true);
        assertThat(signed(payload(first), "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
        assertThat(signed(payload(second), "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
        // both are answered (the button is unknown to the bot: each gets its own private explanation)
        assertThat(waitFor("/respond", 2)).hasSize(2);
        ObjectNode lost = click("1700000003.000400", false);
        assertThat(signed(payload(lost), "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
        String eventId = "click:pdm:00000000000000000000000000000000:1700000003.000400:U_RM";
        JdbcChatEventStore events = new JdbcChatEventStore(db, Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean released = false;
        // released once the adapter gave up on it: claiming it here then succeeds (a claim held would refuse)
        while (!released && System.nanoTime() < deadline) {
            released = events.claim("slack", eventId, "test");
            if (!released) java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        assertThat(released).isTrue();
    }

    /** A block_actions click on a button the bot never issued, without trigger_id; {@code answerable}: channel and response_url. */
    private ObjectNode click(String actionTs, boolean answerable) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("team").put("id", "T0001");
        p.putObject("user").put("id", "U_RM").put("username", "alice");
        if (answerable) {
            p.putObject("channel").put("id", "C0001");
            p.putObject("container").put("type", "message").put("message_ts", "1700000000.000100").put("channel_id", "C0001");
            p.put("response_url", slack.api.baseUrl() + "/respond");
        }
        p.putArray("actions").addObject().put("action_id", "pdm:00000000000000000000000000000000").put("block_id", "b1")
                .put("type", "button").put("action_ts", actionTs);
        return p;
    }

    private static byte[] payload(ObjectNode p) throws Exception {
        return form("payload=" + URLEncoder.encode(JSON.writeValueAsString(p), StandardCharsets.UTF_8));
    }

    private List<com.github.tomakehurst.wiremock.verification.LoggedRequest> waitFor(String path, int count) {
        return slack.await(path, count);
    }

    private HttpResponse<String> waitForHealth(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> r;
        do {
            r = http.send(HttpRequest.newBuilder(URI.create(slack.baseUri() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == status) return r;
        } while (System.nanoTime() < deadline);
        return r;
    }
}
