package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.MergeRequestRef;
import pdmbot.world.MigrationChange;

class GitLabPackageSourceTest extends GitLabWireMock {

    static final String ADD_INDEX = "db/post_migrate/20231101120000_add_index_on_ci_builds.rb";
    static final String REMOVE_COLUMN = "db/post_migrate/20231020100000_remove_old_column.rb";
    static final String DROP_TABLE = "db/post_migrate/20231015090000_drop_legacy_table.rb";

    static AutoDeployPackage pkg(String version, String sha) {
        return new AutoDeployPackage(PackageVersion.parse(version).orElseThrow(), sha, "refs/tags/" + version);
    }

    static final AutoDeployPackage A = pkg(VERSION_A, SHA_A);
    static final AutoDeployPackage B = pkg(VERSION_B, SHA_B);
    static final AutoDeployPackage C = pkg(VERSION_C, SHA_C);

    static String rawPath(String file) {
        return PROJECT + "/repository/files/" + segment(file) + "/raw";
    }

    void serveRawFile(String path, String sha, String fixture) {
        gitlab.stubFor(get(urlPathEqualTo(rawPath(path))).withQueryParam("ref", equalTo(sha))
                .willReturn(okForContentType("text/plain", fixture(fixture))));
    }

    void serveNoTouchingCommitsExcept(String path, String fixture) {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/commits")).willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/commits")).withQueryParam("path", equalTo(path))
                .willReturn(json(fixture)));
    }

    static String sha256(String fixture) {
        return GitLabRepository.sha256(fixture(fixture).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void packages_are_the_version_tags_of_every_page_ordered_by_their_timestamp() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tags")).withQueryParam("page", equalTo("1"))
                .willReturn(okForContentType("application/json", fixture("tags-page-1.json"))
                        .withHeader("X-Per-Page", "2").withHeader("X-Page", "1").withHeader("X-Next-Page", "2")
                        .withHeader("Link", "<" + gitlab.baseUrl() + PROJECT + "/repository/tags?page=2&per_page=2>; rel=\"next\"")));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tags")).withQueryParam("page", equalTo("2"))
                .willReturn(okForContentType("application/json", fixture("tags-page-2.json"))
                        .withHeader("X-Per-Page", "2").withHeader("X-Page", "2").withHeader("X-Next-Page", "")
                        .withHeader("X-Prev-Page", "1")));

        List<AutoDeployPackage> packages = world.packages().packages();

        assertThat(packages).extracting(p -> p.version().toString()).containsExactly(VERSION_A, VERSION_B, VERSION_C);
        assertThat(packages).extracting(AutoDeployPackage::commitSha).containsExactly(SHA_A, SHA_B, SHA_C);
        assertThat(packages.get(0).refName()).isEqualTo("refs/tags/" + VERSION_A);
        gitlab.verify(2, getRequestedFor(urlPathEqualTo(PROJECT + "/repository/tags"))
                .withQueryParam("per_page", equalTo("100")).withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
    }

    @Test
    void tags_are_read_newest_first_and_again_only_until_a_tag_already_seen_issue_12() {
        packages_are_the_version_tags_of_every_page_ordered_by_their_timestamp();

        assertThat(world.packages().packages()).hasSize(3);

        gitlab.verify(3, getRequestedFor(urlPathEqualTo(PROJECT + "/repository/tags"))
                .withQueryParam("order_by", equalTo("updated")).withQueryParam("sort", equalTo("desc")));
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(PROJECT + "/repository/tags")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void a_package_diff_keeps_the_added_modified_and_removed_post_deploy_migrations_only() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/compare")).withQueryParam("from", equalTo(SHA_A))
                .withQueryParam("to", equalTo(SHA_B)).withQueryParam("straight", equalTo("true"))
                .willReturn(json("compare-post-migrations.json")));
        serveRawFile(ADD_INDEX, SHA_B, "20231101120000_add_index_on_ci_builds.rb");
        serveRawFile(REMOVE_COLUMN, SHA_B, "20231020100000_remove_old_column.rb");
        serveRawFile(DROP_TABLE, SHA_A, "20231015090000_drop_legacy_table.rb");
        serveNoTouchingCommitsExcept(ADD_INDEX, "commits-touching-index-migration.json");

        List<MigrationChange> changes = world.packages().postMigrationChanges(B, Optional.of(A));

        assertThat(changes).extracting(MigrationChange::path).containsExactly(DROP_TABLE, REMOVE_COLUMN, ADD_INDEX);
        assertThat(changes).extracting(MigrationChange::kind).containsExactly(
                MigrationChange.Kind.REMOVED, MigrationChange.Kind.MODIFIED, MigrationChange.Kind.ADDED);
        assertThat(changes.get(2).contentSha256()).isEqualTo(sha256("20231101120000_add_index_on_ci_builds.rb"));
        assertThat(changes.get(0).contentSha256()).isEqualTo(sha256("20231015090000_drop_legacy_table.rb"));
        assertThat(changes.get(2).lastCommitSha()).isEqualTo(SHA_INDEX);
        assertThat(changes.get(1).lastCommitSha()).isEqualTo(SHA_B);
        gitlab.verify(getRequestedFor(urlPathEqualTo(PROJECT + "/repository/commits"))
                .withQueryParam("ref_name", equalTo(SHA_B)).withQueryParam("path", equalTo(ADD_INDEX)));
    }

    @Test
    void a_truncated_compare_falls_back_to_the_trees_at_both_packages() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/compare")).withQueryParam("from", equalTo(SHA_B))
                .withQueryParam("to", equalTo(SHA_C)).willReturn(json("compare-truncated.json")));
        serveTree(SHA_B, "tree-post-migrate-at-B.json");
        serveTreeInTwoPages(SHA_C);
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/blobs/" + "b3".repeat(20) + "/raw"))
                .willReturn(ok("changed index migration")));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/blobs/" + "b4".repeat(20) + "/raw"))
                .willReturn(ok("finalize migration")));
        serveNoTouchingCommitsExcept(ADD_INDEX, "commits-touching-index-migration.json");

        List<MigrationChange> changes = world.packages().postMigrationChanges(C, Optional.of(B));

        assertThat(changes).extracting(MigrationChange::path)
                .containsExactly(ADD_INDEX, "db/post_migrate/20231102070000_finalize_backfill.rb");
        assertThat(changes).extracting(MigrationChange::kind)
                .containsExactly(MigrationChange.Kind.MODIFIED, MigrationChange.Kind.ADDED);
        assertThat(changes.get(1).contentSha256())
                .isEqualTo(GitLabRepository.sha256("finalize migration".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_diff_whose_file_cannot_be_read_throws_instead_of_answering_part_of_the_changes() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/compare")).willReturn(json("compare-post-migrations.json")));
        serveRawFile(ADD_INDEX, SHA_B, "20231101120000_add_index_on_ci_builds.rb");
        serveRawFile(REMOVE_COLUMN, SHA_B, "20231020100000_remove_old_column.rb");
        gitlab.stubFor(get(urlPathEqualTo(rawPath(DROP_TABLE))).willReturn(error(403, "403 Forbidden")));
        serveNoTouchingCommitsExcept(ADD_INDEX, "commits-touching-index-migration.json");

        assertThatThrownBy(() -> world.packages().postMigrationChanges(B, Optional.of(A)))
                .isInstanceOf(UnableToReadFileException.class)
                .hasMessageStartingWith("GitLab answered 403 Forbidden to GET /projects/gitlab-org%2Fgitlab/repository/files/"
                        + "db%2Fpost_migrate%2F20231015090000_drop_legacy_table.rb/raw?ref=" + SHA_A);
    }

    void serveTree(String sha, String fixture) {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tree")).withQueryParam("ref", equalTo(sha))
                .withQueryParam("path", equalTo("db/post_migrate")).willReturn(json(fixture)));
    }

    void serveTreeInTwoPages(String sha) {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tree")).withQueryParam("ref", equalTo(sha))
                .withQueryParam("page", equalTo("1")).willReturn(okForContentType("application/json",
                        fixture("tree-post-migrate-at-C-page-1.json")).withHeader("X-Per-Page", "3")
                        .withHeader("X-Page", "1").withHeader("X-Total-Pages", "2").withHeader("X-Total", "4")
                        .withHeader("X-Next-Page", "2")));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tree")).withQueryParam("ref", equalTo(sha))
                .withQueryParam("page", equalTo("2")).willReturn(okForContentType("application/json",
                        fixture("tree-post-migrate-at-C-page-2.json")).withHeader("X-Per-Page", "3")
                        .withHeader("X-Page", "2").withHeader("X-Total-Pages", "2").withHeader("X-Total", "4")));
    }

    @Test
    void post_migrations_at_a_package_come_from_every_page_of_its_tree() {
        serveTreeInTwoPages(SHA_C);

        List<PostMigration> migrations = world.packages().postMigrationsAt(C);

        assertThat(migrations).extracting(PostMigration::version)
                .containsExactly("20231020100000", "20231101120000", "20231102070000");
        gitlab.verify(2, getRequestedFor(urlPathEqualTo(PROJECT + "/repository/tree")));
    }

    @Test
    void a_tree_is_read_once_per_commit() {
        serveTree(SHA_B, "tree-post-migrate-at-B.json");

        world.packages().postMigrationsAt(B);
        world.packages().postMigrationsAt(B);

        gitlab.verify(1, getRequestedFor(urlPathEqualTo(PROJECT + "/repository/tree")));
    }

    @Test
    void file_at_reads_the_raw_file_and_is_empty_when_gitlab_has_none() {
        serveRawFile(ADD_INDEX, SHA_B, "20231101120000_add_index_on_ci_builds.rb");
        gitlab.stubFor(get(urlPathEqualTo(rawPath(DROP_TABLE))).willReturn(error(404, "404 File Not Found")));

        assertThat(world.packages().fileAt(B, ADD_INDEX)).map(b -> new String(b, StandardCharsets.UTF_8))
                .contains(fixture("20231101120000_add_index_on_ci_builds.rb"));
        assertThat(world.packages().fileAt(B, DROP_TABLE)).isEmpty();
    }

    @Test
    void a_project_gitlab_does_not_show_is_an_error_not_a_package_without_migrations_issue_12() {
        // not_found!('Project') (lib/api/helpers.rb): a wrong path, or a token that cannot see a private project
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/tree")).willReturn(error(404, "404 Project Not Found")));

        assertThatThrownBy(() -> world.packages().postMigrationsAt(B)).isInstanceOf(UnableToReadTreeException.class)
                .hasMessageContaining("404 Project Not Found");
    }

    @Test
    void a_file_of_a_project_gitlab_does_not_show_is_an_error_not_a_missing_file_issue_12() {
        gitlab.stubFor(get(urlPathEqualTo(rawPath(DROP_TABLE))).willReturn(error(404, "404 Project Not Found")));

        assertThatThrownBy(() -> world.packages().fileAt(B, DROP_TABLE)).isInstanceOf(UnableToReadFileException.class)
                .hasMessageContaining("404 Project Not Found");
    }

    void serveIndexCommit(String mergeRequestsFixture) {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/commits/c3b2a1f0e9d"))
                .willReturn(json("commit-index-migration.json")));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/commits/" + SHA_INDEX + "/merge_requests"))
                .willReturn(mergeRequestsFixture == null ? okForContentType("application/json", "[]") : json(mergeRequestsFixture)));
    }

    @Test
    void find_commit_reads_the_commit_and_the_merge_request_that_merged_it() {
        serveIndexCommit("commit-index-migration-merge-requests.json");

        Lookup<CommitInfo> found = world.packages().findCommit("c3b2a1f0e9d");

        CommitInfo commit = found.found().orElseThrow();
        assertThat(commit.sha()).isEqualTo(SHA_INDEX);
        assertThat(commit.title()).isEqualTo("Add index on ci_builds");
        assertThat(commit.authorName()).isEqualTo("Jane Doe");
        assertThat(commit.mergeRequest()).contains(new MergeRequestRef("gitlab-org/gitlab", 135000));
    }

    @Test
    void find_commit_falls_back_to_the_see_merge_request_trailer_when_gitlab_lists_no_merge_request() {
        serveIndexCommit(null);

        CommitInfo commit = world.packages().findCommit("c3b2a1f0e9d").found().orElseThrow();

        assertThat(commit.mergeRequest()).contains(new MergeRequestRef("gitlab-org/gitlab", 4242));
    }

    @Test
    void an_unknown_or_shared_abbreviation_is_not_found_with_the_reason() {
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/commits/abcd")).willReturn(error(404, "404 Commit Not Found")));

        Lookup<CommitInfo> lookup = world.packages().findCommit("abcd");

        assertThat(lookup).isInstanceOf(Lookup.NotFound.class);
        assertThat(((Lookup.NotFound<CommitInfo>) lookup).reason()).contains("abcd").contains("try a longer sha");
    }

    @Test
    void text_that_is_not_a_sha_is_not_sent_to_gitlab() {
        assertThat(world.packages().findCommit("main; drop")).isInstanceOf(Lookup.NotFound.class);

        assertThat(gitlab.getAllServeEvents()).isEmpty();
    }

    @Test
    void contains_asks_gitlab_for_the_merge_base_of_the_commit_and_the_package() {
        serveIndexCommit("commit-index-migration-merge-requests.json");
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/merge_base")).withQueryParam("refs[]", equalTo(SHA_B))
                .willReturn(json("merge-base-index-migration.json")));
        gitlab.stubFor(get(urlPathEqualTo(PROJECT + "/repository/merge_base")).withQueryParam("refs[]", equalTo(SHA_A))
                .willReturn(json("merge-base-older.json")));

        assertThat(world.packages().contains(B, "c3b2a1f0e9d")).isTrue();
        assertThat(world.packages().contains(A, "c3b2a1f0e9d")).isFalse();
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(PROJECT + "/repository/commits/c3b2a1f0e9d")));
    }
}
