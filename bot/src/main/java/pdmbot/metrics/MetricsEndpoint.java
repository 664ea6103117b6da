package pdmbot.metrics;

import java.util.List;
import java.util.Map;
import pdmbot.http.Endpoint;

/** {@code GET /metrics}: Prometheus' text exposition format (version 0.0.4), as Prometheus scrapes it. */
public final class MetricsEndpoint implements Endpoint {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final BotMetrics metrics;

    public MetricsEndpoint(BotMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Answer answer(Incoming request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD"))
            return new Answer(405, null, "only GET is served on /metrics", Map.of("Allow", List.of("GET")));
        return new Answer(200, CONTENT_TYPE, metrics.scrape(), Map.of());
    }
}
