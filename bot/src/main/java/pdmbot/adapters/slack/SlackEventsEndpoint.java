package pdmbot.adapters.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.http.Endpoint;

/**
 * {@code /slack/events} in HTTP mode: refuses unsigned, forged, stale, future-dated and replayed requests with
 * 401 (the signature is checked over the raw bytes), then refuses malformed signed ones with 400 and one WARN
 * line without the body ({@link SlackPayloads}), and only then feeds Bolt's core. Nothing is claimed or run for
 * a refused request.
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
        Optional<String> text = incoming.bodyText();
        Optional<String> problem = text.isEmpty() ? Optional.of("the body is not valid UTF-8")
                : SlackPayloads.problem(incoming.header("content-type"), text.get());
        if (problem.isPresent()) return malformed(incoming, problem.get());
        // Slack's periodic certificate check (https://api.slack.com/interactivity/slash-commands#ssl): a 200 is all it wants
        if (SlackPayloads.isSslCheck(incoming.header("content-type"), text.get())) return Answer.text(200, "");
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(incoming.path())
                    .queryString(Map.of())
                    .headers(new RequestHeaders(incoming.headers()))
                    .requestBody(text.get())
                    .remoteAddress(incoming.remoteAddress())
                    .build());
        } catch (RuntimeException e) {
            return malformed(incoming, "Bolt could not parse it (" + e.getClass().getSimpleName() + ")");
        }
        if (request == null) return malformed(incoming, "not a Slack request this bot handles");
        Response response;
        try {
            response = app.run(request);
        } catch (Exception e) {
            log.error("Bolt failed on a {}: {}", request.getRequestType(), e.getClass().getName());
            return Answer.text(500, "internal error");
        }
        if (response.getStatusCode() == 404) {
            // Bolt found no handler; its own warning (which quotes the whole request) is silenced in logback.xml
            log.warn("a signed Slack {} from {} has no handler in this bot; answered 404", request.getRequestType(),
                    incoming.remoteAddress());
        }
        return new Answer(response.getStatusCode(), response.getContentType(), response.getBody(),
                response.getHeaders() == null ? Map.of() : Map.<String, List<String>>copyOf(response.getHeaders()));
    }

    private static Answer malformed(Incoming incoming, String why) {
        log.warn("refused a signed Slack request from {} as malformed: {} ({} bytes)", incoming.remoteAddress(), why,
                incoming.body().length);
        return Answer.json(400, "{\"error\":\"malformed request\"}");
    }
}
