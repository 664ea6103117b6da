package pdmbot.world.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;

/** The demo world seeded into the GitLab emulator reads the way gitlab-facts §3 says GitLab.com's records read. */
class DemoSeedTest {

    @TempDir
    static Path folder;
    static Emulator emulator;
    static DemoSeed.Seeded seeded;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void seed() {
        emulator = Emulator.start(folder, 0, EmulatorClock.system(), EmulatorSettings.defaults());
        seeded = DemoSeed.ensure(emulator, DemoSeed.DEFAULT_SEED);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static JsonNode get(String project, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.url() + "/api/v4/projects/"
                + URLEncoder.encode(project, StandardCharsets.UTF_8) + path)).header("PRIVATE-TOKEN", seeded.token())
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void package_tags_are_in_security_omnibus_only_named_as_release_tools_names_them() throws Exception {
        assertThat(seeded.packages()).isEqualTo(DemoHistory.PACKAGES);
        JsonNode tags = get(DemoSeed.OMNIBUS, "/repository/tags?per_page=100");
        assertThat(tags).hasSize(DemoHistory.PACKAGES);
        for (JsonNode tag : tags) {
            assertThat(tag.path("name").asText()).matches("16\\.[67]\\.\\d{12}\\+[0-9a-f]{11}\\.[0-9a-f]{11}");
            assertThat(tag.path("message").asText()).startsWith("Auto-deploy Omnibus " + tag.path("name").asText() + "\n\nVERSION: ");
            assertThat(tag.path("name").asText()).endsWith(tag.path("commit").path("id").asText().substring(0, 11));
        }
        assertThat(get(DemoSeed.CANONICAL, "/repository/tags").size()).isZero();
        assertThat(get(DemoSeed.SECURITY, "/repository/tags").size()).isZero();
    }

    @Test
    void the_rails_sha_of_a_package_tag_resolves_in_security() throws Exception {
        String name = get(DemoSeed.OMNIBUS, "/repository/tags?per_page=1").get(0).path("name").asText();
        String rails11 = name.substring(name.indexOf('+') + 1, name.indexOf('+') + 12);
        assertThat(get(DemoSeed.SECURITY, "/repository/commits/" + rails11).path("id").asText()).startsWith(rails11);
    }

    @Test
    void deployments_are_recorded_on_security_with_the_branch_and_on_canonical_with_master() throws Exception {
        JsonNode security = get(DemoSeed.SECURITY, "/deployments?environment=gprd&status=success&order_by=id&sort=desc&per_page=1").get(0);
        JsonNode canonical = get(DemoSeed.CANONICAL, "/deployments?environment=gprd&status=success&order_by=id&sort=desc&per_page=1").get(0);
        assertThat(security.path("ref").asText()).matches("16-7-auto-deploy-\\d{10}");
        assertThat(canonical.path("ref").asText()).isEqualTo("master");
        assertThat(canonical.path("sha").asText()).isEqualTo(security.path("sha").asText()).hasSize(40);
        assertThat(security.path("deployable").isNull()).isTrue();
    }

    @Test
    void every_environment_runs_the_package_the_demo_state_puts_there() throws Exception {
        List<String> branches = new ArrayList<>();
        for (String env : List.of("gstg-cny", "gstg", "gprd-cny", "gprd", "db/gstg", "db/gprd"))
            branches.add(get(DemoSeed.SECURITY, "/deployments?environment=" + env + "&status=success&order_by=id&sort=desc&per_page=1")
                    .get(0).path("ref").asText());
        assertThat(branches).doesNotContainNull().hasSize(6);
        // canaries lead, production follows, db/gprd trails db/gstg: branch names sort by their build hour
        assertThat(branches.get(0)).isGreaterThan(branches.get(1));
        assertThat(branches.get(1)).isGreaterThan(branches.get(3));
        assertThat(branches.get(3)).isGreaterThan(branches.get(4));
        assertThat(branches.get(4)).isGreaterThan(branches.get(5));
    }

    @Test
    void merge_requests_carry_workflow_labels_and_approvals_and_the_tracker_has_nothing_blocking() throws Exception {
        JsonNode commits = get(DemoSeed.CANONICAL, "/repository/commits?path=db%2Fpost_migrate&per_page=1");
        JsonNode mrs = get(DemoSeed.CANONICAL, "/repository/commits/" + commits.get(0).path("id").asText() + "/merge_requests");
        assertThat(mrs).hasSize(1);
        assertThat(mrs.get(0).path("labels").toString()).contains("database::approved");
        JsonNode approvals = get(DemoSeed.CANONICAL, "/merge_requests/" + mrs.get(0).path("iid").asText() + "/approvals");
        assertThat(approvals.path("approved").asBoolean()).isTrue();
        assertThat(get(DemoSeed.PRODUCTION, "/issues?state=opened&labels=Incident::Active").size()).isZero();
        assertThat(get(DemoSeed.PRODUCTION, "/issues?state=opened&labels=change::in-progress").size()).isZero();
        assertThat(get(DemoSeed.RELEASE_TASKS, "/issues/1").path("title").asText()).isEqualTo("Release 16.7");
    }

    @Test
    void seeding_again_keeps_the_world_and_its_token() {
        DemoSeed.Seeded again = DemoSeed.ensure(emulator, DemoSeed.DEFAULT_SEED);
        assertThat(again.wasSeededNow()).isFalse();
        assertThat(again.token()).isEqualTo(seeded.token());
    }
}
