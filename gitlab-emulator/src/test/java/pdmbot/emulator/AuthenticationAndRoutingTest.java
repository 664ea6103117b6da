package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.emulator.EmulatorFixture.*;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitlab-facts §6: tokens, 401/403/404 rules, project ids. */
class AuthenticationAndRoutingTest {

    @TempDir
    static java.nio.file.Path folder;
    static EmulatorFixture gitlab;

    @BeforeAll
    static void start() throws Exception {
        gitlab = new EmulatorFixture(folder);
    }

    @AfterAll
    static void stop() {
        gitlab.close();
    }

    @Test
    void a_wrong_token_is_401_even_on_a_public_read() {
        var r = gitlab.get(project(CANONICAL) + "/repository/tags", "not-a-token");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"401 Unauthorized\"}");
    }

    @Test
    void a_public_project_answers_repository_reads_anonymously() {
        assertThat(gitlab.get(project(CANONICAL) + "/repository/commits/master", null).status()).isEqualTo(200);
    }

    @Test
    void a_private_project_is_404_project_not_found_for_an_anonymous_caller() {
        var r = gitlab.get(project(SECURITY) + "/repository/commits/master", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"message\":\"404 Project Not Found\"}");
    }

    @Test
    void deployments_need_a_token_even_on_a_public_project() {
        var r = gitlab.get(project(CANONICAL) + "/deployments", null);
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void a_bearer_token_authenticates_like_private_token() {
        var r = gitlab.send("GET", project(SECURITY) + "/deployments", null, null, null);
        assertThat(r.status()).isEqualTo(401);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gitlab.emulator.url() + project(SECURITY)))
                .header("Authorization", "Bearer " + ROOT).build();
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"path_with_namespace\":\"gitlab-org/security/gitlab\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_numeric_project_id_and_the_encoded_path_name_the_same_project() {
        long id = gitlab.get(project(CANONICAL)).json().path("id").asLong();
        assertThat(gitlab.get("/api/v4/projects/" + id).json().path("path_with_namespace").asText()).isEqualTo(CANONICAL);
        // gitlab4j encodes '-' '.' '_' too: GitLab decodes once
        assertThat(gitlab.get("/api/v4/projects/gitlab%2Dorg%2Fgitlab").status()).isEqualTo(200);
    }

    @Test
    void an_unencoded_slash_in_the_project_id_is_another_route_and_404() {
        var r = gitlab.get("/api/v4/projects/gitlab-org/gitlab/repository/tags");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"error\":\"404 Not Found\"}");
    }

    @Test
    void a_read_api_token_cannot_write() {
        var r = gitlab.form("POST", project(PRODUCTION) + "/issues", READER, "title=x");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").asText()).isEqualTo("insufficient_scope");
        assertThat(r.json().path("scope").asText()).isEqualTo("api");
    }

    @Test
    void a_non_admin_on_an_admin_route_is_403() {
        var r = gitlab.form("POST", "/api/v4/admin/migrations/20231102000000/mark", DEV, "database=main");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"403 Forbidden\"}");
    }

    @Test
    void the_control_api_is_outside_api_v4_and_needs_an_admin() {
        assertThat(gitlab.get("/-/emulator/clock", DEV).status()).isEqualTo(403);
        assertThat(gitlab.get("/-/emulator/clock", ROOT).json().path("now").asText()).isEqualTo("2023-11-10T10:00:00.000Z");
    }

    @Test
    void a_known_path_with_another_verb_is_404_like_an_unknown_path() {
        // lib/api/api.rb ends with route :any, '*path' → error!('404 Not Found', 404): no 405 ever reaches a client
        var wrongVerb = gitlab.send("DELETE", project(CANONICAL) + "/repository/tags", ROOT, null, null);
        assertThat(wrongVerb.status()).isEqualTo(404);
        assertThat(wrongVerb.body()).isEqualTo("{\"error\":\"404 Not Found\"}");
        assertThat(gitlab.get("/api/v4/nothing/here").body()).isEqualTo("{\"error\":\"404 Not Found\"}");
    }
}
