package pdmbot.adapters.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.http.Endpoint;

/**
 * {@code /slack/events} in HTTP mode: refuses unsigned, forged, stale, future-dated and replayed
 * requests with 401 (logging why, never the secret or the signature), then feeds Bolt's core.
 */
final class SlackEventsEndpoint implements Endpoint {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsEndpoint.class);

    private final SlackSignatureCheck signatures;
    private final App app;
    private final SlackRequestParser parser;

    SlackEventsEndpoint(SlackSignatureCheck signatures, App app) {
        this.signatures = signatures;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public Answer answer(Incoming incoming) {
        if (!"POST".equals(incoming.method())) return Answer.text(405, "POST only");
        SlackSignatureCheck.Verdict verdict = signatures.check(incoming.header(SlackSignatureCheck.TIMESTAMP_HEADER),
                incoming.header(SlackSignatureCheck.SIGNATURE_HEADER), incoming.body());
        if (verdict != SlackSignatureCheck.Verdict.VALID) {
            log.warn("refused a Slack request from {}: {} (retry {})", incoming.remoteAddress(), verdict,
                    incoming.header("x-slack-retry-num"));
            return Answer.json(401, "{\"error\":\"invalid request\"}");
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(incoming.path())
                .queryString(query(incoming.query()))
                .headers(new RequestHeaders(incoming.headers()))
                .requestBody(incoming.body())
                .remoteAddress(incoming.remoteAddress())
                .build());
        if (request == null) return Answer.text(400, "not a Slack request this bot handles");
        Response response;
        try {
            response = app.run(request);
        } catch (Exception e) {
            log.error("Bolt failed on a {}", request.getRequestType(), e);
            return Answer.text(500, "internal error");
        }
        return new Answer(response.getStatusCode(), response.getContentType(), response.getBody(), response.getHeaders());
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.computeIfAbsent(java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8), k -> new java.util.ArrayList<>())
                    .add(java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
