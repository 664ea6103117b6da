package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.emulator.EmulatorFixture.*;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitlab-facts §4 and §8: the production tracker's labels, notes, merge request labels and approvals, admin. */
class TrackerAndMergeRequestTest {

    @TempDir
    static java.nio.file.Path folder;
    static EmulatorFixture gitlab;

    @BeforeAll
    static void start() throws Exception {
        gitlab = new EmulatorFixture(folder);
        var seed = gitlab.emulator.seed();
        seed.issue(PRODUCTION, "2023-11-10: Suspicious spike of 429s", "", List.of("Service::API", "Incident::Active"), "incident", "root");
        seed.issue(PRODUCTION, "Sidekiq latency", "", List.of("Incident::Active", "Service::Sidekiq", "severity::3"), "incident", "root");
        seed.issue(PRODUCTION, "Mitigated one", "", List.of("Incident::Mitigated", "severity::1"), "incident", "root");
        seed.issue(PRODUCTION, "Redis upgrade", "", List.of("C3", "change::in-progress", "Service::Redis"), "issue", "root");
        seed.mergeRequest(CANONICAL, 101, "Add the second migration", "second", "master", gitlab.migrationCommit.name(),
                gitlab.migrationCommit.name(), List.of("database::approved"), "dev", List.of("root"), 1, START.minusSeconds(4 * 86_400));
        seed.mergeRequest(CANONICAL, 102, "Add the third migration", "feature", "master", gitlab.featureCommit.name(),
                gitlab.merge.name(), List.of(), "dev", List.of(), 2, START.minusSeconds(3 * 86_400));
        seed.batchedMigration("main", "BackfillIssuesNamespaceId", "issues", "id", "active", 42.5, START);
    }

    @AfterAll
    static void stop() {
        gitlab.close();
    }

    private static String issues(String query) {
        return project(PRODUCTION) + "/issues?" + query;
    }

    @Test
    void labels_mean_all_of_them_and_the_tracker_reads_anonymously() {
        var active = gitlab.get(issues("state=opened&labels=Incident::Active"), null).json();
        assertThat(gitlab.names(active, "title")).containsExactly("Sidekiq latency", "2023-11-10: Suspicious spike of 429s");
        assertThat(active.get(1).path("labels").toString()).isEqualTo("[\"Incident::Active\",\"Service::API\"]");
        assertThat(active.get(1).path("type").asText()).isEqualTo("INCIDENT");
        assertThat(active.get(1).path("severity").asText()).isEqualTo("UNKNOWN");
        assertThat(gitlab.get(issues("labels=Incident::Active,severity::3")).json()).hasSize(1);
        assertThat(gitlab.get(issues("state=opened&labels=incident")).body()).isEqualTo("[]");
    }

    @Test
    void not_labels_excludes_and_none_any_are_understood() {
        assertThat(gitlab.names(gitlab.get(issues("labels=Incident::Active&not[labels]=severity::3")).json(), "title"))
                .containsExactly("2023-11-10: Suspicious spike of 429s");
        assertThat(gitlab.get(issues("labels=None")).body()).isEqualTo("[]");
        assertThat(gitlab.get(issues("labels=Any")).json()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(gitlab.get(issues("labels=change::in-progress")).json().get(0).path("labels").toString())
                .isEqualTo("[\"C3\",\"change::in-progress\",\"Service::Redis\"]");
    }

    @Test
    void an_issue_is_created_labelled_closed_and_commented() {
        var created = gitlab.form("POST", project(PRODUCTION) + "/issues", ROOT,
                "title=Database+incident&labels=Incident::Active,severity::2&issue_type=incident");
        assertThat(created.status()).isEqualTo(201);
        long iid = created.json().path("iid").asLong();
        var closed = gitlab.form("PUT", project(PRODUCTION) + "/issues/" + iid, ROOT,
                "add_labels=Incident::Resolved&remove_labels=Incident::Active&state_event=close");
        assertThat(closed.json().path("state").asText()).isEqualTo("closed");
        assertThat(closed.json().path("labels").toString()).isEqualTo("[\"Incident::Resolved\",\"severity::2\"]");
        assertThat(gitlab.form("PUT", project(PRODUCTION) + "/issues/" + iid, ROOT, "").body()).contains("at least one parameter must be provided");
        var note = gitlab.form("POST", project(PRODUCTION) + "/issues/" + iid + "/notes", ROOT, "body=Resolved.");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().path("noteable_type").asText()).isEqualTo("Issue");
        assertThat(note.json().path("noteable_iid").asLong()).isEqualTo(iid);
        assertThat(note.json().path("system").asBoolean()).isFalse();
        var again = gitlab.form("POST", project(PRODUCTION) + "/issues/" + iid + "/notes", ROOT, "body=Resolved.");
        assertThat(again.json().path("id").asLong()).isNotEqualTo(note.json().path("id").asLong());
        var missing = gitlab.form("POST", project(PRODUCTION) + "/issues/" + iid + "/notes", ROOT, "");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"error\":\"body is missing\"}");
    }

    @Test
    void merge_request_labels_are_replaced_added_and_removed() {
        String mr = project(CANONICAL) + "/merge_requests/101";
        var added = gitlab.form("PUT", mr, ROOT, "add_labels=workflow::post-deploy-db-staging");
        assertThat(added.json().path("labels").toString()).isEqualTo("[\"database::approved\",\"workflow::post-deploy-db-staging\"]");
        var swapped = gitlab.form("PUT", mr, ROOT, "add_labels=workflow::post-deploy-db-production&remove_labels=workflow::post-deploy-db-staging");
        assertThat(swapped.json().path("labels").toString()).isEqualTo("[\"database::approved\",\"workflow::post-deploy-db-production\"]");
        var nothing = gitlab.form("PUT", mr, ROOT, "");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(gitlab.get(project(CANONICAL) + "/merge_requests/999").body()).isEqualTo("{\"message\":\"404 Merge Request Not Found\"}");
    }

    @Test
    void approvals_list_users_under_user_and_count_what_is_left() {
        var one = gitlab.get(project(CANONICAL) + "/merge_requests/101/approvals").json();
        assertThat(one.path("approved").asBoolean()).isTrue();
        assertThat(one.path("approved_by").get(0).path("user").path("username").asText()).isEqualTo("root");
        var two = gitlab.get(project(CANONICAL) + "/merge_requests/102/approvals").json();
        assertThat(two.path("approvals_left").asInt()).isEqualTo(2);
    }

    @Test
    void a_commit_finds_its_merge_request_from_its_own_sha_or_the_merge_commit() {
        var own = gitlab.get(project(CANONICAL) + "/repository/commits/" + gitlab.featureCommit.name() + "/merge_requests").json();
        var viaMerge = gitlab.get(project(CANONICAL) + "/repository/commits/" + gitlab.merge.name() + "/merge_requests").json();
        assertThat(gitlab.names(own, "iid")).containsExactly("102");
        assertThat(gitlab.names(viaMerge, "iid")).containsExactly("102");
    }

    @Test
    void marking_a_migration_answers_201_then_422_and_404_and_400() {
        String mark = "/api/v4/admin/migrations/20231102000000/mark";
        var first = gitlab.form("POST", mark, ROOT, "database=main");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("{\"message\":\"201 Created\"}");
        var again = gitlab.form("POST", mark, ROOT, "database=main");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).isEqualTo("{\"message\":\"You can mark only pending migrations\"}");
        var unknown = gitlab.form("POST", "/api/v4/admin/migrations/20990101000000/mark", ROOT, "database=main");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"404 Not Found\"}");
        assertThat(gitlab.form("POST", "/api/v4/admin/migrations/latest/mark", ROOT, "").body())
                .isEqualTo("{\"error\":\"timestamp is invalid\"}");
        var badDatabase = gitlab.form("POST", mark, ROOT, "database=sec");
        assertThat(badDatabase.status()).isEqualTo(400);
        assertThat(badDatabase.body()).isEqualTo("{\"error\":\"database does not have a valid value\"}");
    }

    @Test
    void batched_background_migrations_are_listed_per_database_for_admins() {
        var main = gitlab.get("/api/v4/admin/batched_background_migrations?database=main").json();
        assertThat(main.get(0).path("id").isNumber()).isTrue();
        assertThat(main.get(0).path("estimated_time_remaining").asText()).isEqualTo("1 day");
        assertThat(main.get(0).path("job_class_name").asText()).isEqualTo("BackfillIssuesNamespaceId");
        assertThat(main.get(0).path("status").asText()).isEqualTo("active");
        assertThat(gitlab.get("/api/v4/admin/batched_background_migrations?database=ci").body()).isEqualTo("[]");
        assertThat(gitlab.get("/api/v4/admin/batched_background_migrations", DEV).status()).isEqualTo(403);
    }

    @Test
    void batched_background_migrations_are_the_newest_twenty_by_creation_whatever_per_page_asks() {
        for (int i = 0; i < 25; i++)
            gitlab.emulator.seed().batchedMigration("ci", "Backfill" + i, "table_" + i, "id", "finished", 100.0, START.plusSeconds(i));

        var ci = gitlab.get("/api/v4/admin/batched_background_migrations?database=ci&per_page=100").json();

        assertThat(ci).hasSize(20);
        assertThat(ci.get(0).path("job_class_name").asText()).isEqualTo("Backfill24");
        assertThat(ci.get(19).path("job_class_name").asText()).isEqualTo("Backfill5");
    }

    @Test
    void label_events_name_who_added_database_approved_and_follow_label_changes() {
        var events = gitlab.get(project(CANONICAL) + "/merge_requests/101/resource_label_events").json();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("label").path("name").asText()).isEqualTo("database::approved");
        assertThat(events.get(0).path("action").asText()).isEqualTo("add");
        assertThat(events.get(0).path("user").path("username").asText()).isEqualTo("root");
        assertThat(events.get(0).path("resource_type").asText()).isEqualTo("MergeRequest");
        assertThat(gitlab.get(project(CANONICAL) + "/merge_requests/999/resource_label_events").body())
                .isEqualTo("{\"message\":\"404 Merge Request Not Found\"}");
    }
}
