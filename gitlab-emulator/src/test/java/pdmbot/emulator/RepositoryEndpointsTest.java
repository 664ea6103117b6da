package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static pdmbot.emulator.EmulatorFixture.*;

import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitlab-facts §3, §5, §8: tags, commits, compare, tree, files, merge base, over raw HTTP. */
class RepositoryEndpointsTest {

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
    void package_tags_live_in_security_omnibus_with_release_tools_message_and_none_on_rails() {
        var tags = gitlab.get(project(OMNIBUS) + "/repository/tags?per_page=1");
        assertThat(tags.status()).isEqualTo(200);
        var newest = tags.json().get(0);
        assertThat(newest.path("name").asText()).isEqualTo(gitlab.packageTag);
        assertThat(newest.path("message").asText()).startsWith("Auto-deploy Omnibus " + gitlab.packageTag + "\n\nVERSION: " + gitlab.pick.name());
        assertThat(newest.path("target").asText()).isNotEqualTo(gitlab.omnibusCommit.name()); // the tag object
        assertThat(newest.path("commit").path("id").asText()).isEqualTo(gitlab.omnibusCommit.name());
        assertThat(newest.path("release").isNull()).isTrue();
        assertThat(tags.header("X-Total")).isEqualTo("2");
        assertThat(tags.header("X-Total-Pages")).isEqualTo("2");
        assertThat(tags.header("X-Next-Page")).isEqualTo("2");
        assertThat(tags.header("X-Prev-Page")).isEmpty();
        assertThat(gitlab.get(project(CANONICAL) + "/repository/tags").body()).isEqualTo("[]");
    }

    @Test
    void the_link_header_lists_prev_next_first_last_in_that_order() {
        var page2 = gitlab.get(project(OMNIBUS) + "/repository/tags?per_page=1&page=2");
        String link = page2.header("Link");
        assertThat(link.indexOf("rel=\"prev\"")).isLessThan(link.indexOf("rel=\"first\""));
        assertThat(link).doesNotContain("rel=\"next\"");
        assertThat(link.indexOf("rel=\"first\"")).isLessThan(link.indexOf("rel=\"last\""));
        assertThat(page2.header("X-Next-Page")).isEmpty();
    }

    @Test
    void tags_search_and_order_by_name_and_refuse_an_unknown_order() {
        var asc = gitlab.get(project(OMNIBUS) + "/repository/tags?order_by=name&sort=asc").json();
        assertThat(gitlab.names(asc, "name")).containsExactly("16.6.202311010420+aaaaaaaaaaa.bbbbbbbbbbb", gitlab.packageTag);
        assertThat(gitlab.names(gitlab.get(project(OMNIBUS) + "/repository/tags?search=%5E16.7").json(), "name"))
                .containsExactly(gitlab.packageTag);
        assertThat(gitlab.names(gitlab.get(project(OMNIBUS) + "/repository/tags?search=bbbbbbbbbbb$").json(), "name")).hasSize(1);
        var bad = gitlab.get(project(OMNIBUS) + "/repository/tags?order_by=created");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"order_by does not have a valid value\"}");
    }

    @Test
    void a_short_sha_resolves_in_security_but_a_pick_is_404_on_canonical() {
        String short11 = gitlab.pick.name().substring(0, 11);
        var found = gitlab.get(project(SECURITY) + "/repository/commits/" + short11);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("id").asText()).isEqualTo(gitlab.pick.name());
        assertThat(found.json().path("short_id").asText()).hasSize(8);
        assertThat(found.json().path("stats").path("additions").asInt()).isEqualTo(1);
        assertThat(found.json().path("committed_date").asText()).endsWith("+00:00");
        var missing = gitlab.get(project(CANONICAL) + "/repository/commits/" + short11);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"404 Commit Not Found\"}");
    }

    @Test
    void an_ambiguous_short_sha_is_404() throws Exception {
        String ambiguous = AmbiguousShas.prefixSharedByTwoObjects(gitlab.emulator.seed().repositoryFolder(CANONICAL));
        var r = gitlab.get(project(CANONICAL) + "/repository/commits/" + ambiguous);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"message\":\"404 Commit Not Found\"}");
    }

    @Test
    void commits_by_path_give_the_merge_request_commit_not_the_merge_and_send_no_totals() {
        var r = gitlab.get(project(CANONICAL) + "/repository/commits?ref_name=master&path="
                + enc("db/post_migrate/20231103000000_third.rb"));
        assertThat(gitlab.names(r.json(), "id")).containsExactly(gitlab.featureCommit.name());
        assertThat(r.header("X-Total")).isNull();
        assertThat(r.header("X-Total-Pages")).isNull();
        var full = gitlab.get(project(CANONICAL) + "/repository/commits?per_page=2");
        assertThat(full.json()).hasSize(2);
        assertThat(full.header("X-Next-Page")).isEqualTo("2");
        var last = gitlab.get(project(CANONICAL) + "/repository/commits?per_page=5");
        assertThat(last.json()).hasSize(5);
        assertThat(last.header("X-Next-Page")).isEmpty();
    }

    @Test
    void commit_refs_name_the_branches_that_contain_it() {
        var r = gitlab.get(project(SECURITY) + "/repository/commits/" + gitlab.pick.name() + "/refs?type=branch");
        assertThat(gitlab.names(r.json(), "name")).containsExactly(BRANCH);
        assertThat(r.json().get(0).path("type").asText()).isEqualTo("branch");
    }

    @Test
    void compare_is_from_the_merge_base_by_default_and_lists_commits_oldest_first() {
        var r = gitlab.get(project(CANONICAL) + "/repository/compare?from=" + gitlab.initial.name() + "&to=master").json();
        assertThat(gitlab.names(r.path("commits"), "id")).first().isEqualTo(gitlab.migrationCommit.name());
        assertThat(r.path("commit").path("id").asText()).isEqualTo(gitlab.merge.name());
        assertThat(gitlab.names(r.path("diffs"), "new_path")).contains("db/post_migrate/20231102000000_second.rb",
                "db/post_migrate/20231103000000_third.rb");
        var diff = r.path("diffs").get(0);
        assertThat(diff.path("diff").asText()).startsWith("@@");
        assertThat(diff.path("new_file").asBoolean()).isTrue();
        assertThat(r.path("compare_timeout").asBoolean()).isFalse();
        assertThat(r.path("compare_same_ref").asBoolean()).isFalse();
        // from the feature commit to master: non-straight diffs from their merge base, straight from feature itself
        var merged = gitlab.get(project(CANONICAL) + "/repository/compare?from=" + gitlab.featureCommit.name() + "&to=" + gitlab.appCommit.name()).json();
        assertThat(gitlab.names(merged.path("diffs"), "new_path")).containsExactly("app/models/user.rb");
        var straight = gitlab.get(project(CANONICAL) + "/repository/compare?straight=true&from=" + gitlab.featureCommit.name() + "&to=" + gitlab.appCommit.name()).json();
        assertThat(gitlab.names(straight.path("diffs"), "new_path")).contains("app/models/user.rb", "db/post_migrate/20231103000000_third.rb");
    }

    @Test
    void compare_with_an_unknown_ref_is_404_ref_not_found_and_needs_both_refs() {
        var r = gitlab.get(project(CANONICAL) + "/repository/compare?from=nope&to=master");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"message\":\"404 Ref Not Found\"}");
        assertThat(gitlab.get(project(CANONICAL) + "/repository/compare").body()).isEqualTo("{\"error\":\"from is missing, to is missing\"}");
    }

    @Test
    void tree_lists_trees_before_blobs_and_pages_and_refuses_an_unknown_ref() {
        var root = gitlab.get(project(CANONICAL) + "/repository/tree?ref=master").json();
        assertThat(gitlab.names(root, "type")).containsExactly("tree", "tree", "blob");
        var folder = gitlab.get(project(CANONICAL) + "/repository/tree?path=db%2Fpost_migrate&per_page=2");
        assertThat(gitlab.names(folder.json(), "name")).containsExactly("20231101000000_first.rb", "20231102000000_second.rb");
        assertThat(folder.header("X-Total")).isEqualTo("3");
        assertThat(folder.json().get(0).path("mode").asText()).isEqualTo("100644");
        var recursive = gitlab.get(project(CANONICAL) + "/repository/tree?recursive=true&per_page=100").json();
        assertThat(gitlab.names(recursive, "path")).contains("db/post_migrate/20231103000000_third.rb");
        var unknown = gitlab.get(project(CANONICAL) + "/repository/tree?ref=nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"404 Tree Not Found\"}");
        assertThat(gitlab.get(project(CANONICAL) + "/repository/tree?path=no%2Fsuch").body()).isEqualTo("[]");
    }

    @Test
    void raw_files_come_with_gitlab_headers_and_json_files_need_a_ref() {
        String path = enc("db/post_migrate/20231102000000_second.rb");
        var raw = gitlab.get(project(CANONICAL) + "/repository/files/" + path + "/raw?ref=master");
        assertThat(raw.body()).isEqualTo("class Second\nend\n");
        assertThat(raw.header("X-Gitlab-Content-Sha256")).isEqualTo(RepositoryRoutes.sha256("class Second\nend\n".getBytes()));
        assertThat(raw.header("X-Gitlab-Last-Commit-Id")).isEqualTo(gitlab.migrationCommit.name());
        var json = gitlab.get(project(CANONICAL) + "/repository/files/" + path + "?ref=master").json();
        assertThat(new String(Base64.getDecoder().decode(json.path("content").asText()))).isEqualTo("class Second\nend\n");
        assertThat(gitlab.get(project(CANONICAL) + "/repository/files/" + path).body()).isEqualTo("{\"error\":\"ref is missing\"}");
        assertThat(gitlab.get(project(CANONICAL) + "/repository/files/" + path + "/raw?ref=nope").body())
                .isEqualTo("{\"message\":\"404 Commit Not Found\"}");
        assertThat(gitlab.get(project(CANONICAL) + "/repository/files/" + enc("no/such.rb") + "/raw").body())
                .isEqualTo("{\"message\":\"404 File Not Found\"}");
    }

    @Test
    void merge_base_needs_two_known_refs() {
        var base = gitlab.get(project(CANONICAL) + "/repository/merge_base?refs[]=feature&refs[]=" + gitlab.appCommit.name());
        assertThat(base.json().path("id").asText()).isEqualTo(gitlab.migrationCommit.name());
        var one = gitlab.get(project(CANONICAL) + "/repository/merge_base?refs[]=feature");
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.body()).isEqualTo("{\"message\":\"Provide at least 2 refs\"}");
        var unknown = gitlab.get(project(CANONICAL) + "/repository/merge_base?refs[]=feature&refs[]=nope");
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Could not find ref: nope\"}");
    }

    @Test
    void compare_past_the_diff_limits_says_compare_timeout_and_keeps_what_fitted() throws Exception {
        try (EmulatorFixture limited = new EmulatorFixture(folder.resolve("limited"),
                EmulatorSettings.defaults().withDiffLimits(1, 50_000), true)) {
            var r = limited.get(project(CANONICAL) + "/repository/compare?from=" + limited.initial.name() + "&to=master").json();
            assertThat(r.path("compare_timeout").asBoolean()).isTrue();
            assertThat(r.path("diffs")).hasSize(1);
            assertThat(r.path("commits")).hasSize(4);
        }
    }

    @Test
    void blobs_are_read_by_their_id_and_an_unknown_id_is_404_blob_not_found() {
        String path = enc("db/post_migrate/20231102000000_second.rb");
        String blobId = gitlab.get(project(CANONICAL) + "/repository/files/" + path + "?ref=master").json().path("blob_id").asText();
        assertThat(gitlab.get(project(CANONICAL) + "/repository/blobs/" + blobId + "/raw").body()).isEqualTo("class Second\nend\n");
        assertThat(gitlab.get(project(CANONICAL) + "/repository/blobs/" + blobId).json().path("size").asInt()).isEqualTo(17);
        var unknown = gitlab.get(project(CANONICAL) + "/repository/blobs/" + "0".repeat(40) + "/raw");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"404 Blob Not Found\"}");
    }
}
