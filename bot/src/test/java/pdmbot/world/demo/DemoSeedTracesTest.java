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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.LogicalDatabase;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.world.MigrationLog;
import pdmbot.world.MigrationTiming;

/**
 * The emulator's PDM job logs, on the demo seed, read as GitLab's: each migration db:migrate finds pending on the
 * environment, main then ci, with its time, and a failed job stopping at its migration (issue 14 item 3).
 */
class DemoSeedTracesTest {

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

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .header("PRIVATE-TOKEN", seeded.token()).timeout(Duration.ofSeconds(10));
        if (json == null) request.GET();
        else request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String project(String path) {
        return "/api/v4/projects/" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Versions of db/post_migrate at a commit of the security project. */
    private static Set<String> postMigrations(String sha) throws Exception {
        Set<String> versions = new HashSet<>();
        for (JsonNode e : get(project(DemoSeed.SECURITY) + "/repository/tree?path=db/post_migrate&per_page=100&ref=" + sha))
            if (e.path("name").asText().matches("\\d{14}_.*\\.rb")) versions.add(e.path("name").asText().substring(0, 14));
        return versions;
    }

    /** Starts the deployer's PDM pipeline for gprd's package, lets it finish, and reads its migration job's log. */
    private static List<MigrationTiming> gprdPipelineTimings(String[] packageSha) throws Exception {
        JsonNode gprd = get(project(DemoSeed.SECURITY) + "/deployments?environment=gprd&status=success&order_by=id&sort=desc&per_page=1").get(0);
        packageSha[0] = gprd.path("sha").asText();
        String version = "16.7.202311100000-" + packageSha[0].substring(0, 11) + ".00000000000";
        HttpResponse<String> created = send("POST", project(DemoSeed.DEPLOYER) + "/pipeline", "{\"ref\":\"master\",\"variables\":["
                + "{\"key\":\"DEPLOY_ENVIRONMENT\",\"value\":\"gprd\"},{\"key\":\"DEPLOY_VERSION\",\"value\":\"" + version + "\"}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).path("id").asLong();
        assertThat(send("POST", "/-/emulator/clock/advance?seconds=3600", "").statusCode()).isEqualTo(200);
        List<MigrationTiming> timings = new ArrayList<>();
        for (JsonNode job : get(project(DemoSeed.DEPLOYER) + "/pipelines/" + id + "/jobs"))
            timings.addAll(MigrationLog.timingsOf(send("GET", project(DemoSeed.DEPLOYER) + "/jobs/" + job.path("id").asLong()
                    + "/trace", null).body()));
        return timings;
    }

    @Test
    void a_finished_pdm_job_prints_each_pending_migration_on_main_then_ci_with_its_time() throws Exception {
        String[] sha = new String[1];
        List<MigrationTiming> timings = gprdPipelineTimings(sha);

        assertThat(timings).isNotEmpty().allSatisfy(t -> assertThat(t.took()).hasValueSatisfying(d ->
                assertThat(d).isPositive()));
        assertThat(timings).extracting(t -> t.database().orElseThrow()).contains(LogicalDatabase.MAIN, LogicalDatabase.CI)
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        JsonNode ran = get(project(DemoSeed.SECURITY) + "/deployments?environment=db/gprd&status=success&order_by=id&sort=desc&per_page=1").get(0);
        Set<String> pending = postMigrations(sha[0]);
        pending.removeAll(postMigrations(ran.path("sha").asText()));
        assertThat(timings).extracting(MigrationTiming::version).allMatch(pending::contains);
        assertThat(new HashSet<>(timings.stream().map(MigrationTiming::version).toList())).isEqualTo(pending);
    }

    @Test
    void a_failed_pdm_job_stops_at_the_failing_migration_after_those_that_ran() throws Exception {
        String[] sha = new String[1];
        List<MigrationTiming> before = gprdPipelineTimings(sha);
        MigrationTiming failing = before.get(before.size() / 2);
        HttpResponse<String> planned = send("POST", "/-/emulator/failures", "{\"project\":\"" + DemoSeed.DEPLOYER
                + "\",\"variables\":{\"DEPLOY_ENVIRONMENT\":\"gprd\"},\"migration\":\"" + failing.version() + "\"}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);

        List<MigrationTiming> timings = gprdPipelineTimings(sha);

        int at = before.indexOf(failing);
        assertThat(timings).hasSize(at + 1);
        assertThat(timings.subList(0, at)).isEqualTo(before.subList(0, at));
        assertThat(timings.get(at).version()).isEqualTo(failing.version());
        assertThat(timings.get(at).isUnfinished()).isTrue();
    }
}
