package pdmbot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.config.Secrets;
import pdmbot.http.HttpServer;

/**
 * Who may read the dashboard, over real HTTP on loopback. The server always listens on 127.0.0.1 here (tests talk to
 * loopback only); the bind the access rule is given stands for the configured {@code http.bind}.
 */
class DashboardAccessTest {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    static HttpResponse<String> get(HttpServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve(path)).GET();
        if (headers.length > 0) request.headers(headers);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpServer serve(DashboardAccess access) {
        DashboardView view = DashboardPageTest.view(Optional.empty(), List.of());
        return HttpServer.start("127.0.0.1", 0, new DashboardEndpoints(() -> view, access).endpoints());
    }

    @Test
    void bound_to_loopback_without_a_token_the_page_opens_with_its_security_headers() throws Exception {
        try (HttpServer server = serve(DashboardAccess.of("127.0.0.1", Optional.empty()))) {
            HttpResponse<String> page = get(server, "/dashboard");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("default-src 'none'", "script-src 'self'"));
            assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");
            assertThat(page.body()).contains("<h1>Post-deploy migrations</h1>");
            assertThat(get(server, "/dashboard/state").body()).startsWith("{\"version\":\"");
        }
    }

    @Test
    void bound_to_every_address_without_a_token_the_dashboard_stays_shut_and_says_what_to_set() throws Exception {
        try (HttpServer server = serve(DashboardAccess.of("0.0.0.0", new Secrets(Map.of())))) {
            HttpResponse<String> page = get(server, "/dashboard");

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("bound to 0.0.0.0, which is not loopback", "Set PDM_DASHBOARD_TOKEN");
            assertThat(get(server, "/dashboard/state").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void with_a_token_only_a_request_carrying_it_reads_the_page_or_its_state() throws Exception {
        String token = "s3cret-token-value";
        DashboardAccess access = DashboardAccess.of("10.1.2.3", new Secrets(Map.of("PDM_DASHBOARD_TOKEN", token)));
        try (HttpServer server = serve(access)) {
            HttpResponse<String> none = get(server, "/dashboard");
            HttpResponse<String> wrong = get(server, "/dashboard?token=nope");

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"pdm-bot dashboard\"");
            assertThat(none.body()).contains("asks for a token").doesNotContain(token);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("not the right one").doesNotContain(token);
            assertThat(get(server, "/dashboard?token=" + token).statusCode()).isEqualTo(200);
            assertThat(get(server, "/dashboard/state", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(get(server, "/dashboard/state", "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void the_token_may_come_from_a_secret_file() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("dashboard-token", "");
        java.nio.file.Files.writeString(file, "from-a-file\n");
        DashboardAccess access = DashboardAccess.of("0.0.0.0", new Secrets(Map.of("PDM_DASHBOARD_TOKEN_FILE", file.toString())));
        try (HttpServer server = serve(access)) {
            assertThat(get(server, "/dashboard?token=from-a-file").statusCode()).isEqualTo(200);
            assertThat(get(server, "/dashboard").statusCode()).isEqualTo(401);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void the_dashboard_is_read_only_and_its_script_needs_no_token() throws Exception {
        DashboardAccess access = DashboardAccess.of("0.0.0.0", Optional.of("t"));
        try (HttpServer server = serve(access)) {
            HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/dashboard?token=t"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
            HttpResponse<String> script = get(server, "/dashboard/dashboard.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
            assertThat(get(server, "/dashboard/dashboard.css").body()).contains(".chart");
        }
    }

    @Test
    void loopback_names_are_told_from_other_addresses() {
        assertThat(DashboardAccess.isLoopback("127.0.0.1")).isTrue();
        assertThat(DashboardAccess.isLoopback("::1")).isTrue();
        assertThat(DashboardAccess.isLoopback("localhost")).isTrue();
        assertThat(DashboardAccess.isLoopback("0.0.0.0")).isFalse();
        assertThat(DashboardAccess.isLoopback("10.1.2.3")).isFalse();
    }
}
