package pdmbot.world.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MergeRequestReview;
import pdmbot.world.TriagePorts;
import pdmbot.world.demo.DemoSeed;

/**
 * A triage's GitLab calls through gitlab4j against the project's GitLab emulator seeded with the demo world (whose
 * answers follow lib/api/merge_request_approvals.rb, resource_label_events.rb, issues.rb, admin/migrations.rb).
 */
class GitLabTriagePortsTest {

    @TempDir
    static Path folder;
    static Emulator emulator;
    static DemoSeed.Seeded seeded;
    static GitLabWorld world;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(folder, 0, EmulatorClock.system(), EmulatorSettings.defaults());
        seeded = DemoSeed.ensure(emulator, DemoSeed.DEFAULT_SEED);
        world = GitLabWorld.open(new GitLabSettings(emulator.url(), DemoSeed.CANONICAL, DemoSeed.SECURITY, DemoSeed.PRODUCTION,
                seeded.token(), "PDM_GITLAB_TOKEN", Duration.ofSeconds(10), Optional.empty(), PackageVersion.PATTERN),
                RetryPolicy.DEFAULT, d -> { }, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        world.close();
        emulator.close();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.url() + "/api/v4" + path))
                .header("PRIVATE-TOKEN", seeded.token()).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void the_review_names_every_approver_and_who_added_database_approved() {
        MergeRequestReview review = world.triage().reviews().of(new MergeRequestRef(DemoSeed.CANONICAL, 143012)).orElseThrow();

        // the demo's reviews: a maintainer, then a database maintainer (DemoSeed.DATABASE_MAINTAINERS) who adds the label
        assertThat(review.approvers()).hasSize(2).containsExactly("maint-lucia", "dbmaint-keiko");
        assertThat(DemoSeed.DATABASE_MAINTAINERS).contains(review.approvers().get(1));
        assertThat(review.databaseApprovedBy()).containsExactly(review.approvers().get(1));
        assertThat(review.url()).endsWith("/gitlab-org/gitlab/-/merge_requests/143012");
        assertThat(review.title()).isNotBlank();
    }

    @Test
    void an_incident_is_one_issue_in_the_production_project_with_the_infrastructure_labels() throws Exception {
        int before = get("/projects/gitlab-com%2Fgl-infra%2Fproduction/issues?per_page=100").size();

        TriagePorts.OpenedIncident opened = world.triage().tracker().open("Post-deploy migration 20231107025611 failed on db/gstg",
                "- error: PG::QueryCanceled\n- job: https://example", 3);

        JsonNode all = get("/projects/gitlab-com%2Fgl-infra%2Fproduction/issues?per_page=100");
        assertThat(all.size()).isEqualTo(before + 1);
        JsonNode issue = get("/projects/gitlab-com%2Fgl-infra%2Fproduction/issues/" + opened.reference().replaceAll(".*#", ""));
        assertThat(issue.path("title").asText()).isEqualTo("Post-deploy migration 20231107025611 failed on db/gstg");
        assertThat(issue.path("description").asText()).contains("PG::QueryCanceled");
        assertThat(issue.path("labels").toString()).isEqualTo("[\"Incident::Active\",\"severity::3\"]");
        assertThat(issue.path("issue_type").asText()).isEqualTo("incident");
        assertThat(opened.url()).endsWith("/gitlab-com/gl-infra/production/-/issues/" + issue.path("iid").asText());
    }

    @Test
    void marking_is_201_then_not_pending_and_unknown_versions_and_staging_are_refused() {
        TriagePorts.MigrationMarks marks = world.triage().marks();

        assertThat(marks.mark(Environment.GPRD, LogicalDatabase.MAIN, "20231107035713")).isInstanceOf(TriagePorts.Marked.class);
        assertThat(marks.mark(Environment.GPRD, LogicalDatabase.MAIN, "20231107035713")).isInstanceOf(TriagePorts.NotPending.class);
        assertThat(marks.mark(Environment.GPRD, LogicalDatabase.MAIN, "20990101000000")).isInstanceOf(TriagePorts.NotFound.class);
        assertThat(marks.mark(Environment.GSTG, LogicalDatabase.MAIN, "20231107035713")).isInstanceOf(TriagePorts.NotHere.class);
    }
}
