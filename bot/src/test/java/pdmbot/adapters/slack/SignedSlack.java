package pdmbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Interactions;
import pdmbot.http.HttpLimits;
import pdmbot.http.HttpServer;

/**
 * Slack as the bot's HTTP mode meets it, for the tests that drive the adapter with real signed requests: Slack's
 * Web API on WireMock on loopback (answers as https://api.slack.com/methods/auth.test, /chat.postMessage and
 * /chat.update document them), the adapter behind the bot's own HTTP server, and requests shaped as
 * https://api.slack.com/interactivity/slash-commands and
 * https://api.slack.com/reference/interaction-payloads/block-actions document them, signed as
 * https://api.slack.com/authentication/verifying-requests-from-slack describes. One clock stamps the requests and is
 * the adapter's, so a timestamp's distance from "now" is exactly what the test says.
 */
public final class SignedSlack implements AutoCloseable {

    /** Slack's documented example signing secret. */
    public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String TEAM = "T0001";
    /** The ts every chat.postMessage and chat.update is answered with. */
    public static final String TS = "1700000000.000100";
    public static final ObjectMapper JSON = new ObjectMapper();

    public final WireMockServer api;
    private final Clock clock;
    private final SlackSignatureCheck signer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong triggers = new AtomicLong();
    private SlackAdapter adapter;
    private HttpServer server;

    private SignedSlack(String channel, Clock clock) {
        this.clock = clock;
        this.signer = new SlackSignatureCheck(SECRET, clock);
        api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
        api.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(json("{\"ok\":true,\"url\":\"https://pdm.slack.com/\","
                + "\"team\":\"PDM\",\"user\":\"pdm-bot\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        String posted = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + TS + "\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}}";
        api.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(json(posted)));
        api.stubFor(post(urlPathEqualTo("/api/chat.postEphemeral")).willReturn(json("{\"ok\":true,\"message_ts\":\"" + TS + "\"}")));
        api.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(json("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\""
                + TS + "\",\"text\":\"ok\"}")));
        api.stubFor(post(urlPathEqualTo("/respond")).willReturn(aResponse().withBody("ok")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Slack's API on WireMock, the bot's messages to {@code channel} answered as posted; requests stamped by {@code clock}. */
    public static SignedSlack start(String channel, Clock clock) {
        return new SignedSlack(channel, clock);
    }

    /** The Slack client configuration that points the Web API at WireMock. */
    public SlackConfig config() {
        return config(api.baseUrl());
    }

    private static SlackConfig config(String webApi) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(webApi + "/api/");
        return config;
    }

    /** The adapter on {@code core}, its events endpoint (and health) served on loopback; closed with this fixture. */
    public SlackAdapter serve(Function<ChatRequest, Reply> core, Interactions interactions, Duration progressAfter) throws IOException {
        return serve(api.baseUrl(), core, interactions, progressAfter);
    }

    /** As above with the Web API at {@code webApi} (a port nothing listens on, for an unreachable Slack); response_url stays on WireMock. */
    public SlackAdapter serve(String webApi, Function<ChatRequest, Reply> core, Interactions interactions, Duration progressAfter) {
        adapter = new SlackAdapter(new SlackAdapter.Settings(SECRET, "xoxb-test", TEAM, "test", progressAfter),
                Slack.getInstance(config(webApi)), core, interactions, clock);
        server = HttpServer.start("127.0.0.1", 0, HttpLimits.DEFAULTS, Map.of("/slack/events", adapter.endpoint()),
                List.of(adapter.health()));
        return adapter;
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** A slash command's form body as Slack posts it. */
    public String slashCommand(String text, String team, String user, String userName) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", team);
        f.put("team_domain", "pdm");
        f.put("channel_id", "C0001");
        f.put("channel_name", "releases");
        f.put("user_id", user);
        f.put("user_name", userName);
        f.put("command", "/pdm");
        f.put("text", text);
        f.put("api_app_id", "A0001");
        f.put("response_url", api.baseUrl() + "/respond");
        f.put("trigger_id", "13345224609.738474920." + triggers.incrementAndGet());
        StringBuilder out = new StringBuilder();
        f.forEach((k, v) -> out.append(out.length() > 0 ? "&" : "").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** A block_actions body for a click by {@code user} on the button {@code actionId} of a message in {@code channel}. */
    public String blockActions(JsonNode blocks, String actionId, String user, String userName, String channel) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("team").put("id", TEAM).put("domain", "pdm");
        p.putObject("user").put("id", user).put("username", userName).put("name", userName).put("team_id", TEAM);
        p.put("api_app_id", "A0001");
        p.put("token", "legacy");
        p.putObject("container").put("type", "message").put("message_ts", TS).put("channel_id", channel).put("is_ephemeral", false);
        p.put("trigger_id", "trigger-" + triggers.incrementAndGet());
        p.putObject("channel").put("id", channel).put("name", "releases");
        ObjectNode message = p.putObject("message");
        message.put("type", "message").put("text", "pdm-bot").put("ts", TS);
        message.set("blocks", blocks);
        p.put("response_url", api.baseUrl() + "/respond");
        ObjectNode action = p.putArray("actions").addObject();
        action.put("action_id", actionId).put("block_id", "b1").put("type", "button").put("action_ts", "1700000001." + triggers.incrementAndGet());
        action.putObject("text").put("type", "plain_text").put("text", "button");
        try {
            return "payload=" + URLEncoder.encode(JSON.writeValueAsString(p), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request timestamp {@code offsetSeconds} from the clock's now. */
    public String timestamp(long offsetSeconds) {
        return Long.toString(clock.instant().getEpochSecond() + offsetSeconds);
    }

    public String sign(String timestamp, String body) {
        return signer.sign(timestamp, body);
    }

    /** Posts {@code body} signed at the clock's now. */
    public HttpResponse<String> send(String body) throws IOException, InterruptedException {
        String ts = timestamp(0);
        return send(body, ts, sign(ts, body));
    }

    /** Posts {@code body} with these headers; a null one is left out. */
    public HttpResponse<String> send(String body, String timestamp, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.baseUri() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) r.header("X-Slack-Request-Timestamp", timestamp);
        if (signature != null) r.header("X-Slack-Signature", signature);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts raw {@code body} bytes as {@code contentType}, signed over those bytes at the clock's now. */
    public HttpResponse<String> sendSigned(byte[] body, String contentType) throws IOException, InterruptedException {
        String ts = timestamp(0);
        return send(body, contentType, ts, signer.sign(ts, body));
    }

    /** Posts raw {@code body} bytes as {@code contentType} with these headers. */
    public HttpResponse<String> send(byte[] body, String contentType, String timestamp, String signature)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/slack/events"))
                .header("Content-Type", contentType).header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code body} signed and checks Slack's request was acknowledged. */
    public void sendAcknowledged(String body) throws IOException, InterruptedException {
        assertThat(send(body).statusCode()).isEqualTo(200);
    }

    public List<LoggedRequest> requests(String path) {
        return api.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    /** Waits, up to 20 seconds, until Slack's API has received {@code count} requests on {@code path}; returns them all. */
    public List<LoggedRequest> await(String path, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<LoggedRequest> found = requests(path);
        while (found.size() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            found = requests(path);
        }
        assertThat(found).as("requests on %s", path).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    /** Waits, with a deadline, for what Slack was sent. */
    public static LoggedRequest await(Supplier<LoggedRequest> found) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            LoggedRequest r = found.get();
            if (r != null) return r;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new AssertionError("Slack was not sent what the test waited for within 20 s");
    }

    /** A form field of a request Slack's client made. */
    public static String form(String body, String key) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    public static String form(LoggedRequest request, String key) {
        return form(request.getBodyAsString(), key);
    }

    public static String actionId(JsonNode blocks, String label) {
        for (JsonNode block : blocks)
            if ("actions".equals(block.path("type").asText()))
                for (JsonNode e : block.path("elements"))
                    if (e.path("text").path("text").asText().equals(label)) return e.path("action_id").asText();
        throw new AssertionError("no button " + label + " in " + blocks);
    }

    /** Slack's client writes JSON with Gson, which escapes {@code <}, {@code >} and {@code =}. */
    public static String unescaped(String json) {
        return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u003d", "=");
    }

    @Override
    public void close() {
        if (server != null) server.close();
        if (adapter != null) adapter.close();
        api.stop();
    }
}
