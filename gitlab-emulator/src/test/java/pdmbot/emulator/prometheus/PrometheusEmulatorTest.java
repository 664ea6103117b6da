package pdmbot.emulator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's Prometheus answers in the shapes of https://prometheus.io/docs/prometheus/latest/querying/api/. */
class PrometheusEmulatorTest {

    static PrometheusEmulator prometheus;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        prometheus = PrometheusEmulator.start(0, new PrometheusEmulator.Model() {
            public double requestRate(Instant at) {
                return at.getEpochSecond() % 7200 == 0 ? 1500 : 300;
            }

            public int autovacuumWorkers(String table) {
                return table.equals("issues") ? 1 : 0;
            }

            public double pendingWal() {
                return 3;
            }

            public double patroniApdex() {
                return 0.9991;
            }
        });
    }

    @AfterAll
    static void stop() {
        prometheus.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(prometheus.url() + pathAndQuery)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void an_instant_query_is_a_vector_of_one_series_with_its_value_as_a_string() throws Exception {
        JsonNode body = JSON.readTree(get("/api/v1/query?query=" + q("sum(pg_stat_activity_autovacuum_active{relname=\"issues\"})")
                + "&time=1435781451.781").body());

        assertThat(body.path("status").asText()).isEqualTo("success");
        assertThat(body.path("data").path("resultType").asText()).isEqualTo("vector");
        assertThat(body.path("data").path("result").get(0).path("value").get(0).asDouble()).isEqualTo(1435781451.781);
        assertThat(body.path("data").path("result").get(0).path("value").get(1).asText()).isEqualTo("1");
    }

    @Test
    void a_range_query_is_a_matrix_with_one_value_per_step() throws Exception {
        JsonNode body = JSON.readTree(get("/api/v1/query_range?query=" + q("sum(rate(gitlab_transaction_duration_seconds_count[5m]))")
                + "&start=7200&end=14400&step=1h").body());

        assertThat(body.path("data").path("resultType").asText()).isEqualTo("matrix");
        JsonNode values = body.path("data").path("result").get(0).path("values");
        assertThat(values).hasSize(3);
        assertThat(values.get(0).get(0).asLong()).isEqualTo(7200);
        assertThat(values.get(0).get(1).asText()).isEqualTo("1500");
        assertThat(values.get(1).get(1).asText()).isEqualTo("300");
    }

    @Test
    void a_query_of_an_unknown_series_has_no_result_and_a_bad_step_is_bad_data() throws Exception {
        assertThat(JSON.readTree(get("/api/v1/query?query=up").body()).path("data").path("result")).isEmpty();

        HttpResponse<String> bad = get("/api/v1/query_range?query=up&start=0&end=60&step=often");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("errorType").asText()).isEqualTo("bad_data");
        assertThat(JSON.readTree(bad.body()).path("status").asText()).isEqualTo("error");
    }
}
