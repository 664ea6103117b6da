package pdmbot.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pdmbot.decide.PrometheusAnswer.Sample;

/**
 * Prometheus' HTTP API over {@code java.net.http}: {@code GET /api/v1/query} (instant vector) and
 * {@code /api/v1/query_range} (matrix), read as https://prometheus.io/docs/prometheus/latest/querying/api/ documents
 * them ({@code {"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},"values":[[<unix s>,"<v>"]]}]}}}).
 * Nothing is thrown: a timeout, a refusal ({@code "status":"error"}) or anything else is {@link PrometheusAnswer.Unavailable}.
 */
public final class PrometheusClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    public PrometheusClient(String baseUrl, Duration timeout) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The instant query's vector at {@code at}. */
    public PrometheusAnswer instant(String query, Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("time", seconds(at));
        return get("/api/v1/query", params, "vector");
    }

    /** The range query's matrix from {@code start} to {@code end}, one sample each {@code step}. */
    public PrometheusAnswer range(String query, Instant start, Instant end, Duration step) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("start", seconds(start));
        params.put("end", seconds(end));
        params.put("step", step.toSeconds() + "s");
        return get("/api/v1/query_range", params, "matrix");
    }

    private static String seconds(Instant at) {
        return at.getEpochSecond() + (at.getNano() == 0 ? "" : String.format(".%03d", at.getNano() / 1_000_000));
    }

    private PrometheusAnswer get(String path, Map<String, String> params, String expectedType) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new PrometheusAnswer.Unavailable("Prometheus did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new PrometheusAnswer.Unavailable("Prometheus at " + base.getHost() + ":" + base.getPort()
                    + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PrometheusAnswer.Unavailable("interrupted while asking Prometheus");
        }
        return parse(response.statusCode(), response.body(), expectedType);
    }

    /** Reads an answer body; anything that is not the documented shape is unavailable, saying what was wrong. */
    static PrometheusAnswer parse(int status, String body, String expectedType) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return new PrometheusAnswer.Unavailable("Prometheus answered HTTP " + status + " with something that is not JSON");
        }
        if (root == null || !root.isObject())
            return new PrometheusAnswer.Unavailable("Prometheus answered HTTP " + status + " with JSON that is not an object");
        String state = root.path("status").asText("");
        if (state.equals("error"))
            return new PrometheusAnswer.Unavailable("Prometheus refused the query (HTTP " + status + ", "
                    + root.path("errorType").asText("?") + ": " + root.path("error").asText("") + ")");
        if (!state.equals("success") || status != 200)
            return new PrometheusAnswer.Unavailable("Prometheus answered HTTP " + status + " without \"status\":\"success\"");
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText("");
        if (!type.equals(expectedType))
            return new PrometheusAnswer.Unavailable("Prometheus answered a " + (type.isEmpty() ? "result without a type" : type)
                    + ", expected a " + expectedType);
        JsonNode result = data.path("result");
        if (!result.isArray()) return new PrometheusAnswer.Unavailable("Prometheus answered without a result list");
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : result) {
            Map<String, String> metric = new LinkedHashMap<>();
            series.path("metric").properties().forEach(e -> metric.put(e.getKey(), e.getValue().asText()));
            List<JsonNode> points = new ArrayList<>();
            if (type.equals("vector")) points.add(series.path("value"));
            else series.path("values").forEach(points::add);
            for (JsonNode point : points) {
                Sample sample = sample(metric, point);
                if (sample == null) return new PrometheusAnswer.Unavailable("Prometheus answered a sample that is not [<time>, \"<value>\"]: " + point);
                samples.add(sample);
            }
        }
        return new PrometheusAnswer.Samples(samples);
    }

    private static Sample sample(Map<String, String> metric, JsonNode point) {
        if (!point.isArray() || point.size() != 2 || !point.get(0).isNumber() || !point.get(1).isTextual()) return null;
        double value;
        try {
            value = Double.parseDouble(point.get(1).asText());
        } catch (NumberFormatException e) {
            return null;
        }
        double at = point.get(0).asDouble();
        return new Sample(metric, Instant.ofEpochMilli(Math.round(at * 1000)), value);
    }
}
