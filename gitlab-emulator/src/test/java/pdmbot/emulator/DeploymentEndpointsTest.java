package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.emulator.EmulatorFixture.*;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitlab-facts §1 and §2: DeploymentsFinder's refusals, POST validations, no de-duplication, PUT transitions. */
class DeploymentEndpointsTest {

    @TempDir
    static java.nio.file.Path folder;
    static EmulatorFixture gitlab;

    @BeforeAll
    static void start() throws Exception {
        gitlab = new EmulatorFixture(folder);
        var seed = gitlab.emulator.seed();
        seed.deployment(SECURITY, "db/gprd", BRANCH, gitlab.pick.name(), false, "success", "root",
                START.minusSeconds(7200), START.minusSeconds(3600));
        seed.deployment(SECURITY, "db/gprd", BRANCH, gitlab.merge.name(), false, "success", "root",
                START.minusSeconds(5400), START.minusSeconds(1800));
        seed.deployment(SECURITY, "gstg", BRANCH, gitlab.pick.name(), false, "running", "root", START.minusSeconds(600), null);
    }

    @AfterAll
    static void stop() {
        gitlab.close();
    }

    private static String deployments(String query) {
        return project(SECURITY) + "/deployments?" + query;
    }

    @Test
    void ordering_by_finished_at_without_a_finished_filter_is_refused() {
        var r = gitlab.get(deployments("environment=db/gprd&status=success&order_by=finished_at&sort=desc&per_page=1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"message\":\"400 Bad request - `finished_at` filter and `finished_at` sorting must be paired\"}");
    }

    @Test
    void a_finished_filter_without_finished_at_order_is_refused_too() {
        var r = gitlab.get(deployments("status=success&finished_after=2023-01-01T00:00:00Z"));
        assertThat(r.body()).isEqualTo("{\"message\":\"400 Bad request - `finished_at` filter and `finished_at` sorting must be paired\"}");
    }

    @Test
    void a_finished_filter_needs_the_success_status() {
        var r = gitlab.get(deployments("order_by=finished_at&finished_after=2023-01-01T00:00:00Z"));
        assertThat(r.body()).isEqualTo("{\"message\":\"400 Bad request - `finished_at` filter must be combined with `success` status filter.\"}");
    }

    @Test
    void updated_and_finished_filters_together_are_refused() {
        var r = gitlab.get(deployments("updated_after=2023-01-01T00:00:00Z&finished_after=2023-01-01T00:00:00Z&order_by=finished_at&status=success"));
        assertThat(r.body()).isEqualTo("{\"message\":\"400 Bad request - Both `updated_at` filter and `finished_at` filter can not be specified\"}");
    }

    @Test
    void paired_finished_at_answers_newest_finished_first() {
        var r = gitlab.get(deployments("environment=db/gprd&status=success&order_by=finished_at&sort=desc&finished_after=2023-01-01T00:00:00Z"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(gitlab.names(r.json(), "sha")).containsExactly(gitlab.merge.name(), gitlab.pick.name());
    }

    @Test
    void id_desc_is_what_release_tools_asks_and_the_answer_has_no_finished_at_and_a_null_deployable() {
        var r = gitlab.get(deployments("environment=db/gprd&status=success&order_by=id&sort=desc&per_page=1"));
        var d = r.json().get(0);
        assertThat(d.path("sha").asText()).isEqualTo(gitlab.merge.name());
        assertThat(d.has("finished_at")).isFalse();
        assertThat(d.path("deployable").isNull()).isTrue();
        assertThat(d.path("environment").path("slug").asText()).matches("db-gprd-[0-9a-z]{6}");
        assertThat(r.header("X-Total")).isEqualTo("2");
        assertThat(r.header("X-Next-Page")).isEqualTo("2");
    }

    @Test
    void unknown_order_sort_or_status_values_are_refused_by_grape() {
        assertThat(gitlab.get(deployments("order_by=name")).body()).isEqualTo("{\"error\":\"order_by does not have a valid value\"}");
        assertThat(gitlab.get(deployments("sort=up")).body()).isEqualTo("{\"error\":\"sort does not have a valid value\"}");
        assertThat(gitlab.get(deployments("status=done")).body()).isEqualTo("{\"error\":\"status does not have a valid value\"}");
    }

    @Test
    void create_names_every_missing_parameter() {
        var r = gitlab.form("POST", project(SECURITY) + "/deployments", ROOT, "environment=db/gstg&tag=false&status=running");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"sha is missing, ref is missing\"}");
    }

    @Test
    void create_refuses_a_ref_that_does_not_resolve_in_that_project() {
        var r = gitlab.form("POST", project(CANONICAL) + "/deployments", ROOT, "environment=db/gstg&sha=" + gitlab.merge.name()
                + "&ref=" + enc(gitlab.packageTag) + "&tag=true&status=running");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"message\":{\"ref\":[\"The branch or tag does not exist\"]}}");
    }

    @Test
    void create_refuses_a_sha_only_on_security() {
        var r = gitlab.form("POST", project(CANONICAL) + "/deployments", ROOT, "environment=db/gstg&sha=" + gitlab.pick.name()
                + "&ref=master&tag=false&status=running");
        assertThat(r.body()).isEqualTo("{\"message\":{\"sha\":[\"The commit does not exist\"]}}");
    }

    @Test
    void two_identical_creates_make_two_deployments_then_put_moves_the_status() {
        String form = "environment=db/gstg&sha=" + gitlab.merge.name() + "&ref=master&tag=false&status=running";
        var first = gitlab.form("POST", project(CANONICAL) + "/deployments", ROOT, form);
        var second = gitlab.form("POST", project(CANONICAL) + "/deployments", ROOT, form);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("id").asLong()).isNotEqualTo(first.json().path("id").asLong());
        assertThat(second.json().path("iid").asLong()).isEqualTo(first.json().path("iid").asLong() + 1);
        assertThat(first.json().path("deployable").isNull()).isTrue();
        String put = project(CANONICAL) + "/deployments/" + first.json().path("id").asLong();
        var success = gitlab.form("PUT", put, ROOT, "status=success");
        assertThat(success.status()).isEqualTo(200);
        assertThat(success.json().path("status").asText()).isEqualTo("success");
        var again = gitlab.form("PUT", put, ROOT, "status=success");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"message\":{\"status\":[\"cannot transition via \\\"succeed\\\"\"]}}");
        assertThat(gitlab.form("PUT", put, ROOT, "status=running").body()).contains("cannot transition via \\\"run\\\"");
        assertThat(gitlab.form("PUT", project(CANONICAL) + "/deployments/999999", ROOT, "status=success").body())
                .isEqualTo("{\"message\":\"404 Not found\"}");
    }

    @Test
    void environments_are_created_on_the_fly_and_listed_with_their_last_deployment() {
        var r = gitlab.get(project(SECURITY) + "/environments?name=db/gprd");
        assertThat(r.json()).hasSize(1);
        assertThat(r.json().get(0).path("last_deployment").path("sha").asText()).isEqualTo(gitlab.merge.name());
        assertThat(r.json().get(0).path("tier").asText()).isEqualTo("production");
    }
}
