package pdmbot.decide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pdmbot.config.DecideConfig;
import pdmbot.rules.decide.DecisionFacts.Health;

/** The Prometheus client against WireMock answering the documented JSON (src/test/resources/prometheus/README.md). */
class PrometheusClientTest {

    @RegisterExtension
    static WireMockExtension prometheus = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final Instant AT = Instant.parse("2015-07-01T20:10:51.781Z");

    private static String fixture(String name) {
        try (InputStream in = PrometheusClientTest.class.getResourceAsStream("/prometheus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static PrometheusClient client(Duration timeout) {
        return new PrometheusClient(prometheus.baseUrl(), timeout);
    }

    @Test
    void an_instant_query_reads_every_series_of_the_documented_vector() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).withQueryParam("query", equalTo("up"))
                .withQueryParam("time", equalTo("1435781451.781"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(fixture("query-up.json"))));

        PrometheusAnswer answer = client(Duration.ofSeconds(2)).instant("up", AT);

        assertThat(answer).isInstanceOf(PrometheusAnswer.Samples.class);
        assertThat(((PrometheusAnswer.Samples) answer).samples()).containsExactly(
                new PrometheusAnswer.Sample(Map.of("__name__", "up", "job", "prometheus", "instance", "localhost:9090"), AT, 1),
                new PrometheusAnswer.Sample(Map.of("__name__", "up", "job", "node", "instance", "localhost:9100"), AT, 0));
    }

    @Test
    void a_range_query_reads_the_documented_matrix_and_sends_start_end_and_step() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query_range")).withQueryParam("query", equalTo("up"))
                .withQueryParam("start", equalTo("1435781430.781")).withQueryParam("end", equalTo("1435781460.781"))
                .withQueryParam("step", equalTo("15s"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(fixture("query-range-up.json"))));

        PrometheusAnswer answer = client(Duration.ofSeconds(2)).range("up", Instant.parse("2015-07-01T20:10:30.781Z"),
                Instant.parse("2015-07-01T20:11:00.781Z"), Duration.ofSeconds(15));

        List<PrometheusAnswer.Sample> samples = ((PrometheusAnswer.Samples) answer).samples();
        assertThat(samples).hasSize(6);
        assertThat(samples.get(5).at()).isEqualTo(Instant.parse("2015-07-01T20:11:00.781Z"));
        assertThat(samples).extracting(PrometheusAnswer.Sample::value).containsExactly(1.0, 1.0, 1.0, 0.0, 0.0, 1.0);
    }

    @Test
    void a_prometheus_that_does_not_answer_in_time_is_unavailable_saying_so() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query"))
                .willReturn(aResponse().withFixedDelay(1500).withBody(fixture("query-up.json"))));

        PrometheusAnswer answer = client(Duration.ofMillis(300)).instant("up", AT);

        assertThat(answer).isEqualTo(new PrometheusAnswer.Unavailable("Prometheus did not answer within 300 ms"));
    }

    @Test
    void garbage_is_unavailable_never_a_value() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withBody("<html>502 Bad Gateway</html>")));

        assertThat(client(Duration.ofSeconds(2)).instant("up", AT))
                .isEqualTo(new PrometheusAnswer.Unavailable("Prometheus answered HTTP 200 with something that is not JSON"));
    }

    @Test
    void json_of_another_shape_is_unavailable_saying_what_was_expected() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withBody(fixture("query-range-up.json"))));

        assertThat(client(Duration.ofSeconds(2)).instant("up", AT))
                .isEqualTo(new PrometheusAnswer.Unavailable("Prometheus answered a matrix, expected a vector"));
    }

    @Test
    void a_refused_query_is_unavailable_with_prometheus_error() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(aResponse().withStatus(400).withBody(fixture("error-bad-data.json"))));

        assertThat(client(Duration.ofSeconds(2)).instant("up{", AT)).isEqualTo(new PrometheusAnswer.Unavailable(
                "Prometheus refused the query (HTTP 400, bad_data: invalid parameter \"query\": 1:4: parse error: unexpected end of input)"));
    }

    @Test
    void a_health_signal_over_its_limit_says_stop_and_one_that_times_out_says_unknown() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).withQueryParam("query", equalTo("wal"))
                .willReturn(aResponse().withBody("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                        + "[{\"metric\":{},\"value\":[1435781451.781,\"57\"]}]}}")));
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).withQueryParam("query", equalTo("apdex"))
                .willReturn(aResponse().withFixedDelay(1500).withBody("{}")));
        HealthSignals signals = new HealthSignals(Optional.of(client(Duration.ofMillis(300))), List.of(
                new DecideConfig.Signal("wal archive queue", "wal", 42.0, null),
                new DecideConfig.Signal("patroni apdex", "apdex", null, 0.995)));

        assertThat(signals.readAt(AT, List.of())).containsExactly(
                new Health("wal archive queue", "", "stop", "57, stop above 42"),
                new Health("patroni apdex", "", "unknown", "Prometheus did not answer within 300 ms"));
    }

    @Test
    void a_health_signal_without_any_series_is_unknown() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(aResponse()
                .withBody("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")));
        HealthSignals signals = new HealthSignals(Optional.of(client(Duration.ofSeconds(2))),
                List.of(new DecideConfig.Signal("autovacuum", "av{relname=\"{table}\"}", 0.0, null)));

        assertThat(signals.readAt(AT, List.of("issues"))).containsExactly(
                new Health("autovacuum", "issues", "unknown", "the query returned no series"));
    }

    @Test
    void last_weeks_load_from_prometheus_replaces_the_profile_and_the_latest_sample_is_now() {
        Instant now = Instant.parse("2026-12-01T14:00:00Z");
        StringBuilder values = new StringBuilder();
        for (int h = 168; h >= 0; h--) {
            Instant t = now.minusSeconds(3600L * h);
            int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
            values.append(values.length() == 0 ? "" : ",").append("[").append(t.getEpochSecond()).append(",\"")
                    .append(hour == 14 ? 800 : hour == 3 ? 100 : 400).append("\"]");
        }
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query_range")).withQueryParam("query", equalTo("load"))
                .willReturn(aResponse().withBody("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
                        + "[{\"metric\":{},\"values\":[" + values + "]}]}}")));
        TrafficSource.Profile profile = new TrafficSource(TrafficCalendar.gitLabComLike(), Optional.of(client(Duration.ofSeconds(2))), "load")
                .readAt(now);

        assertThat(profile.at(now, true)).isEqualTo(new pdmbot.rules.decide.DecisionFacts.Traffic(1.0, "Prometheus, now"));
        assertThat(profile.at(Instant.parse("2026-12-02T03:00:00Z"), false))
                .isEqualTo(new pdmbot.rules.decide.DecisionFacts.Traffic(0.125, "Prometheus, last week's load by hour"));
    }

    @Test
    void a_load_query_that_times_out_falls_back_to_the_profile_and_says_why() {
        prometheus.stubFor(get(urlPathEqualTo("/api/v1/query_range")).willReturn(aResponse().withFixedDelay(1500).withBody("{}")));
        Instant at = Instant.parse("2026-12-01T14:00:00Z");
        TrafficSource.Profile profile = new TrafficSource(TrafficCalendar.gitLabComLike(), Optional.of(client(Duration.ofMillis(300))), "load")
                .readAt(at);

        assertThat(profile.at(at, true)).isEqualTo(new pdmbot.rules.decide.DecisionFacts.Traffic(0.97,
                "calendar; Prometheus load unknown: Prometheus did not answer within 300 ms"));
    }
}
