package pdmbot.adapters.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to Slack: chat.postMessage / chat.update / chat.postEphemeral and response_url. An HTTP 429 is
 * retried after the Retry-After Slack sends, a bounded number of times; other failures are logged
 * (without the token) and reported as an empty result, never thrown at the user.
 */
final class SlackPoster {

    private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);

    static final int MAX_ATTEMPTS = 4;
    /** A Retry-After beyond this is not waited for: the reply would be too late to matter. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    /** Sleeps between retries; tests pass one that records instead of sleeping. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private static final ObjectMapper ANSWERS = new ObjectMapper();

    private final Slack slack;
    private final MethodsClient methods;
    private final String botToken;
    private final Pause pause;
    private final Gson gson = GsonFactory.createSnakeCase();

    private final SlackHealth health;
    private volatile pdmbot.telemetry.CallErrors errors = pdmbot.telemetry.CallErrors.NONE;

    SlackPoster(Slack slack, String botToken, Pause pause) {
        this(slack, botToken, pause, new SlackHealth());
    }

    SlackPoster(Slack slack, String botToken, Pause pause, SlackHealth health) {
        this.slack = slack;
        this.methods = slack.methods(botToken);
        this.botToken = botToken;
        this.pause = pause;
        this.health = health;
    }

    /** Where every failed call is counted (by method and HTTP status or failure kind), for {@code /metrics}. */
    void countErrorsIn(pdmbot.telemetry.CallErrors sink) {
        this.errors = sink == null ? pdmbot.telemetry.CallErrors.NONE : sink;
    }

    private void countError(String method, String status) {
        try {
            errors.failed(method, status);
        } catch (RuntimeException e) {
            log.debug("could not count a Slack call error: {}", e.toString());
        }
    }

    /** Calls auth.test, which only tells whether the Web API answers; the health check follows the outcome. */
    boolean probe() {
        SlackApiTextResponse r = call("auth.test", () -> methods.authTest(b -> b));
        return r != null && r.isOk();
    }

    /** Posts a message (in a thread when {@code threadTs} is set) and returns its ts. */
    Optional<String> post(String channel, String threadTs, BlockKitRenderer.SlackMessage message) {
        ChatPostMessageResponse r = call("chat.postMessage", () -> answer(new ChatPostMessageResponse(), "chat.postMessage",
                RequestFormBuilder.toForm(ChatPostMessageRequest.builder().channel(channel).threadTs(threadTs)
                        .text(message.text()).blocks(message.blocks()).build())));
        return r != null && r.isOk() ? Optional.of(r.getTs()) : Optional.empty();
    }

    boolean update(String channel, String ts, BlockKitRenderer.SlackMessage message) {
        SlackApiTextResponse r = call("chat.update", () -> answer(new ChatUpdateResponse(), "chat.update",
                RequestFormBuilder.toForm(ChatUpdateRequest.builder().channel(channel).ts(ts).text(message.text())
                        .blocks(message.blocks()).build())));
        return r != null && r.isOk();
    }

    /**
     * Sends the form exactly as the SDK's own {@code chat.postMessage} / {@code chat.update} would (same form builder,
     * bearer token, endpoint), but reads the answer's {@code ok}, {@code error}, {@code channel} and {@code ts} with
     * one shared Jackson mapper: the SDK builds a new Gson for every answer it parses, which was a quarter of the
     * CPU behind each reply ({@code bench chat}, JFR). A non-2xx answer is the SDK's SlackApiException, as before.
     */
    private <T extends SlackApiTextResponse> T answer(T into, String method, okhttp3.FormBody.Builder form)
            throws IOException, SlackApiException {
        String url = slack.getHttpClient().getConfig().getMethodsEndpointUrlPrefix() + method;
        try (okhttp3.Response response = slack.getHttpClient().postFormWithBearerHeader(url, botToken, form.build())) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) throw new SlackApiException(slack.getHttpClient().getConfig(), response, body);
            JsonNode json = ANSWERS.readTree(body);
            into.setOk(json.path("ok").asBoolean(false));
            if (json.hasNonNull("error")) into.setError(json.get("error").asText());
            if (json.hasNonNull("warning")) into.setWarning(json.get("warning").asText());
            if (into instanceof ChatPostMessageResponse posted) {
                if (json.hasNonNull("ts")) posted.setTs(json.get("ts").asText());
                if (json.hasNonNull("channel")) posted.setChannel(json.get("channel").asText());
            } else if (into instanceof ChatUpdateResponse updated) {
                if (json.hasNonNull("ts")) updated.setTs(json.get("ts").asText());
                if (json.hasNonNull("channel")) updated.setChannel(json.get("channel").asText());
            }
            return into;
        }
    }

    boolean postEphemeral(String channel, String user, String threadTs, BlockKitRenderer.SlackMessage message) {
        SlackApiTextResponse r = call("chat.postEphemeral", () -> methods.chatPostEphemeral(b -> b
                .channel(channel).user(user).threadTs(threadTs).text(message.text()).blocks(message.blocks())));
        return r != null && r.isOk();
    }

    /** Answers through a response_url: {@code responseType} ephemeral or in_channel; {@code replaceOriginal} for clicks. */
    boolean respond(String responseUrl, String responseType, boolean replaceOriginal, BlockKitRenderer.SlackMessage message) {
        JsonObject payload = new JsonObject();
        if (responseType != null) payload.addProperty("response_type", responseType);
        if (replaceOriginal) payload.addProperty("replace_original", true);
        payload.addProperty("text", message.text());
        payload.add("blocks", gson.toJsonTree(message.blocks()));
        String json = gson.toJson(payload);
        for (int attempt = 1; ; attempt++) {
            WebhookResponse r;
            try {
                r = slack.send(responseUrl, json);
            } catch (IOException e) {
                log.warn("response_url: {}", e.toString());
                countError("response_url", "io");
                return false;
            }
            if (r.getCode() == null || r.getCode() / 100 != 2) countError("response_url", String.valueOf(r.getCode()));
            if (r.getCode() != null && r.getCode() == 429 && attempt < MAX_ATTEMPTS) {
                if (!waitRetryAfter("response_url", r.getHeaders(), attempt)) return false;
                continue;
            }
            if (r.getCode() == null || r.getCode() / 100 != 2) {
                log.warn("response_url answered {}: {}", r.getCode(), SlackLimits.truncate(String.valueOf(r.getBody()), 200));
                return false;
            }
            return true;
        }
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                T response = call.run();
                health.reached();
                if (!response.isOk()) {
                    log.warn("{} refused: {}", method, response.getError());
                    // HTTP 200 with ok=false: Slack's error code (a documented, bounded list) stands for the status
                    countError(method, String.valueOf(response.getError()));
                }
                return response;
            } catch (SlackApiException e) {
                countError(method, Integer.toString(e.getResponse().code()));
                if (e.getResponse().code() == 429 && attempt < MAX_ATTEMPTS) {
                    if (!waitRetryAfter(method, e.getResponse().headers().toMultimap(), attempt)) return null;
                    continue;
                }
                log.warn("{} failed with HTTP {} after {} attempt(s)", method, e.getResponse().code(), attempt);
                if (e.getResponse().code() >= 500) health.unreachable(method, "answered HTTP " + e.getResponse().code());
                else health.reached();
                return null;
            } catch (IOException e) {
                countError(method, "io");
                log.warn("{} failed: {}", method, e.toString());
                health.unreachable(method, "failed: " + e.getClass().getSimpleName());
                return null;
            }
        }
    }

    private boolean waitRetryAfter(String method, Map<String, List<String>> headers, int attempt) {
        Duration wait = retryAfter(headers);
        if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
            log.warn("{} rate limited; Retry-After {}s is past {}s, giving up", method, wait.toSeconds(), MAX_RETRY_AFTER.toSeconds());
            return false;
        }
        log.info("{} rate limited; retrying in {}s (attempt {} of {})", method, wait.toSeconds(), attempt + 1, MAX_ATTEMPTS);
        try {
            pause.pause(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Duration retryAfter(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase("retry-after") && !h.getValue().isEmpty()) {
                try {
                    return Duration.ofSeconds(Math.max(0, Long.parseLong(h.getValue().get(0).trim())));
                } catch (NumberFormatException e) {
                    return Duration.ofSeconds(1);
                }
            }
        }
        return Duration.ofSeconds(1);
    }
}
