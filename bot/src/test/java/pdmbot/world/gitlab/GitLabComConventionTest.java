package pdmbot.world.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DeploymentProject;
import pdmbot.world.DeploymentRecord;
import pdmbot.world.DeploymentRecords;
import pdmbot.world.RunningDeployment;

/**
 * GitLab.com's conventions (gitlab-facts §3): package tags {@code M.m.stamp+rails.omnibus} in the security omnibus
 * project, code read in the security project, deployments recorded as release-tools records them. Fixtures under
 * {@code gitlab/gitlab-com/}, shaped after the entities named in their README.
 */
class GitLabComConventionTest extends GitLabWireMock {

    static final String OMNIBUS_RAW = "/api/v4/projects/" + segment("gitlab-org/security/omnibus-gitlab");
    static final String SECURITY_RAW = SECURITY_PROJECT;
    static final String CANONICAL_RAW = PROJECT;
    static final String TAG_B = "16.6.202311011420+5b1c0d2e3f4.1ce09deb03c";
    static final String PICK = "260b0562073a3a6b666ee8b0703c385b6c7549e1";

    GitLabWorld com;

    @BeforeEach
    void openGitLabCom() {
        com = GitLabWorld.open(settings(Optional.empty()).withPackages(GitLabSettings.Packages.GITLAB_COM),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO), d -> { },
                Clock.fixed(Instant.parse("2023-11-02T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeGitLabCom() {
        com.close();
    }

    static ResponseDefinitionBuilder page(String fixture, String page, String next) {
        return okForContentType("application/json", fixture("gitlab-com/" + fixture)).withHeader("X-Per-Page", "100")
                .withHeader("X-Page", page).withHeader("X-Next-Page", next).withHeader("X-Prev-Page", "");
    }

    void serveTagsAndCommits() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).withQueryParam("page", equalTo("1"))
                .willReturn(page("omnibus-tags-page-1.json", "1", "2")));
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).withQueryParam("page", equalTo("2"))
                .willReturn(page("omnibus-tags-page-2.json", "2", "")));
        for (String sha : List.of(SHA_A, SHA_B, SHA_C))
            gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + sha.substring(0, 11)))
                    .willReturn(json("gitlab-com/security-commit-" + sha.substring(0, 11) + ".json")));
    }

    @Test
    void packages_are_the_omnibus_tags_shown_with_a_dash_and_built_from_the_rails_commit_resolved_in_security() {
        serveTagsAndCommits();

        List<AutoDeployPackage> packages = com.packages().packages();

        assertThat(packages).extracting(p -> p.version().toString()).containsExactly(
                "16.6.202311010820-97d6e07c2a1.4ce763dbce1", "16.6.202311011420-5b1c0d2e3f4.1ce09deb03c",
                "16.6.202311020820-0a9b8c7d6e5.085441b6358");
        assertThat(packages).extracting(AutoDeployPackage::commitSha).containsExactly(SHA_A, SHA_B, SHA_C);
        gitlab.verify(getRequestedFor(urlPathMatching(OMNIBUS_RAW + "/repository/tags"))
                .withQueryParam("order_by", equalTo("version")).withQueryParam("sort", equalTo("desc")));
        assertThat(com.packages().packageNamed(TAG_B)).as("the tag's own + form is accepted")
                .map(AutoDeployPackage::commitSha).contains(SHA_B);
    }

    @Test
    void reading_the_packages_again_reads_one_page_of_tags_and_no_commit_already_resolved() {
        serveTagsAndCommits();
        com.packages().packages();
        long before = com.requestsSent();

        com.packages().packages();

        assertThat(com.requestsSent() - before).isEqualTo(1);
        gitlab.verify(1, getRequestedFor(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).withQueryParam("page", equalTo("2")));
        // issue 12 review finding 5: the tag message's VERSION line gives the rails sha, so no commit is looked up at all
        gitlab.verify(0, getRequestedFor(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B.substring(0, 11))));
    }

    /** The omnibus tags pages without their messages' VERSION lines (as a tag made by hand would be). */
    void serveTagsWithoutVersionLines() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).withQueryParam("page", equalTo("1"))
                .willReturn(withoutVersionLines(page("omnibus-tags-page-1.json", "1", "2"), "omnibus-tags-page-1.json")));
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).withQueryParam("page", equalTo("2"))
                .willReturn(withoutVersionLines(page("omnibus-tags-page-2.json", "2", ""), "omnibus-tags-page-2.json")));
    }

    static ResponseDefinitionBuilder withoutVersionLines(ResponseDefinitionBuilder page, String fixture) {
        return page.withBody(fixture("gitlab-com/" + fixture).replaceAll("\\\\nVERSION: [0-9a-f]{40}", ""));
    }

    void serveCommit(String sha) {
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + sha.substring(0, 11)))
                .willReturn(json("gitlab-com/security-commit-" + sha.substring(0, 11) + ".json")));
    }

    @Test
    void the_rails_sha_comes_from_the_tag_messages_version_line_without_a_commit_lookup_issue_12() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).withQueryParam("page", equalTo("1"))
                .willReturn(page("omnibus-tags-page-1.json", "1", "2")));
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).withQueryParam("page", equalTo("2"))
                .willReturn(page("omnibus-tags-page-2.json", "2", "")));

        assertThat(com.packages().packages()).extracting(AutoDeployPackage::commitSha).containsExactly(SHA_A, SHA_B, SHA_C);
        gitlab.verify(0, getRequestedFor(urlPathMatching(SECURITY_RAW + "/repository/commits/.*")));
    }

    @Test
    void without_a_version_line_the_rails_sha_is_looked_up_by_the_eleven_hex_of_the_name() {
        serveTagsWithoutVersionLines();
        for (String sha : List.of(SHA_A, SHA_B, SHA_C)) serveCommit(sha);

        assertThat(com.packages().packages()).extracting(AutoDeployPackage::commitSha).containsExactly(SHA_A, SHA_B, SHA_C);
        gitlab.verify(3, getRequestedFor(urlPathMatching(SECURITY_RAW + "/repository/commits/.*")));
    }

    @Test
    void a_first_read_interrupted_part_way_is_taken_up_again_not_skipped_issue_12() {
        serveTagsWithoutVersionLines();
        serveCommit(SHA_A);
        serveCommit(SHA_C);
        // the middle package's lookup is refused once (rate limited past what the bot waits), then answered
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B.substring(0, 11)))
                .inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(error(429, "Retry later").withHeader("Retry-After", "3600")).willSetStateTo("calm"));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B.substring(0, 11)))
                .inScenario("limit").whenScenarioStateIs("calm")
                .willReturn(json("gitlab-com/security-commit-" + SHA_B.substring(0, 11) + ".json")));

        assertThatThrownBy(() -> com.packages().packages()).hasMessageContaining("429");

        assertThat(com.packages().packages()).extracting(AutoDeployPackage::commitSha).containsExactly(SHA_A, SHA_B, SHA_C);
    }

    @Test
    void migrations_a_package_introduced_come_from_comparing_consecutive_rails_commits_in_the_security_project() {
        serveTagsAndCommits();
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/compare")).withQueryParam("from", equalTo(SHA_A))
                .withQueryParam("to", equalTo(SHA_B)).withQueryParam("straight", equalTo("true"))
                .willReturn(json("compare-post-migrations.json")));
        gitlab.stubFor(get(urlPathMatching("/api/v4/projects/" + segment("gitlab-org/security/gitlab") + "/repository/files/.*/raw"))
                .willReturn(okForContentType("text/plain", "class X < Gitlab::Database::Migration[2.2]; end\n")));
        gitlab.stubFor(get(urlPathMatching("/api/v4/projects/" + segment("gitlab-org/security/gitlab") + "/repository/commits"))
                .willReturn(okForContentType("application/json", "[]")));
        List<AutoDeployPackage> packages = com.packages().packages();

        long before = com.requestsSent();
        var changes = com.packages().postMigrationChanges(packages.get(1), Optional.of(packages.get(0)));

        assertThat(changes).hasSize(3);
        gitlab.verify(1, getRequestedFor(urlPathEqualTo(SECURITY_RAW + "/repository/compare")));
        gitlab.verify(0, getRequestedFor(urlPathMatching(CANONICAL_RAW + "/.*")));
        assertThat(com.requestsSent() - before).as("one compare, then a file and a commit lookup per changed migration")
                .isEqualTo(1 + 2 * 3);
    }

    @Test
    void packages_sharing_their_rails_commit_changed_no_migration_and_cost_no_call() {
        AutoDeployPackage older = new AutoDeployPackage(pdmbot.domain.PackageVersion.parse(
                "16.6.202311011420-5b1c0d2e3f4.1ce09deb03c").orElseThrow(), SHA_B, "refs/tags/" + TAG_B);
        AutoDeployPackage newer = new AutoDeployPackage(pdmbot.domain.PackageVersion.parse(
                "16.6.202311011520-5b1c0d2e3f4.2de09deb03c").orElseThrow(), SHA_B, "refs/tags/x");
        long before = com.requestsSent();

        assertThat(com.packages().postMigrationChanges(newer, Optional.of(older))).isEmpty();
        assertThat(com.requestsSent()).isEqualTo(before);
    }

    @Test
    void the_package_on_an_environment_is_the_omnibus_tag_its_newest_successful_omnibus_deployment_names() {
        serveTagsAndCommits();
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/deployments")).withQueryParam("environment", equalTo("gprd"))
                .willReturn(json("gitlab-com/deployments-gprd-omnibus.json")));

        assertThat(com.deployments().packageOn(Environment.GPRD)).map(AutoDeployPackage::commitSha).contains(SHA_B);
        gitlab.verify(getRequestedFor(urlPathMatching(OMNIBUS_RAW + "/deployments")).withQueryParam("order_by", equalTo("id"))
                .withQueryParam("sort", equalTo("desc")).withQueryParam("status", equalTo("success")));
    }

    @Test
    void a_deployed_package_no_listing_holds_is_read_at_its_rails_commit_never_at_the_omnibus_commit_issue_12() {
        GitLabRefusals.install(gitlab::stubFor);
        // the deployed tag is older than the tags read (no tag listed), as after a first read bounded in depth
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B.substring(0, 11)))
                .willReturn(json("gitlab-com/security-commit-" + SHA_B.substring(0, 11) + ".json")));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B + "/merge_requests"))
                .willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/deployments")).withQueryParam("environment", equalTo("gprd"))
                .willReturn(json("gitlab-com/deployments-gprd-omnibus.json")));

        assertThat(com.deployments().packageOn(Environment.GPRD)).map(AutoDeployPackage::commitSha).contains(SHA_B);
    }

    @Test
    void a_deployed_package_whose_rails_commit_the_code_project_lacks_is_an_error_not_a_guess() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/repository/tags")).willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B.substring(0, 11)))
                .willReturn(error(404, "404 Commit Not Found")));
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/deployments")).withQueryParam("environment", equalTo("gprd"))
                .willReturn(json("gitlab-com/deployments-gprd-omnibus.json")));

        assertThatThrownBy(() -> com.deployments().packageOn(Environment.GPRD))
                .isInstanceOf(UnableToReadDeploymentsException.class).hasMessageContaining("5b1c0d2e3f4");
    }

    @Test
    void a_commits_merge_request_is_asked_of_the_canonical_project_first_where_gitlab_com_merges_them_issue_12() {
        GitLabRefusals.install(gitlab::stubFor);
        // lib/api/commits.rb: MergeRequestsFinder(project_id: user_project.id) lists only MRs targeting the project asked
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B.substring(0, 11)))
                .willReturn(json("gitlab-com/security-commit-" + SHA_B.substring(0, 11) + ".json")));
        gitlab.stubFor(get(urlPathEqualTo(CANONICAL_RAW + "/repository/commits/" + SHA_B + "/merge_requests"))
                .willReturn(json("commit-index-migration-merge-requests.json")));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B + "/merge_requests"))
                .willReturn(okForContentType("application/json", "[]")));

        assertThat(com.packages().findCommit(SHA_B.substring(0, 11)).found().flatMap(pdmbot.world.CommitInfo::mergeRequest))
                .contains(new pdmbot.world.MergeRequestRef("gitlab-org/gitlab", 135000));
        gitlab.verify(0, getRequestedFor(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B + "/merge_requests")));
    }

    @Test
    void a_picked_commit_canonical_lacks_finds_its_merge_request_in_the_security_project() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B.substring(0, 11)))
                .willReturn(json("gitlab-com/security-commit-" + SHA_B.substring(0, 11) + ".json")));
        gitlab.stubFor(get(urlPathEqualTo(CANONICAL_RAW + "/repository/commits/" + SHA_B + "/merge_requests"))
                .willReturn(error(404, "404 Commit Not Found")));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B + "/merge_requests"))
                .willReturn(okForContentType("application/json", fixture("commit-index-migration-merge-requests.json")
                        .replace("gitlab-org/gitlab/-/merge_requests", "gitlab-org/security/gitlab/-/merge_requests"))));

        assertThat(com.packages().findCommit(SHA_B.substring(0, 11)).found().flatMap(pdmbot.world.CommitInfo::mergeRequest))
                .contains(new pdmbot.world.MergeRequestRef("gitlab-org/security/gitlab", 135000));
    }

    @Test
    void a_running_deployment_without_a_deployable_names_its_package_from_the_omnibus_tag() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathMatching(OMNIBUS_RAW + "/deployments")).withQueryParam("status", equalTo("running"))
                .willReturn(json("gitlab-com/deployments-running-omnibus.json")));

        List<RunningDeployment> running = com.operations().runningDeployments().running();

        assertThat(running).hasSize(1);
        assertThat(running.get(0).environment()).isEqualTo(Environment.GSTG_CNY);
        assertThat(running.get(0).packageVersion()).isEqualTo("16.6.202311020820-0a9b8c7d6e5.085441b6358");
        assertThat(running.get(0).pipeline()).isEqualTo("deployment 1901301");
    }

    AutoDeployPackage packageB() {
        return new AutoDeployPackage(pdmbot.domain.PackageVersion.parse(TAG_B).orElseThrow(), SHA_B, "refs/tags/" + TAG_B);
    }

    void serveNoRunningDeployment(String project) {
        gitlab.stubFor(get(urlPathMatching(project + "/deployments")).withQueryParam("status", equalTo("running"))
                .willReturn(okForContentType("application/json", "[]")));
        gitlab.stubFor(post(urlPathMatching(project + "/deployments")).willReturn(json("deployment-created.json").withStatus(201)));
    }

    @Test
    void on_the_security_project_a_deployment_is_recorded_on_the_auto_deploy_branch_the_package_was_built_from() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B + "/refs"))
                .withQueryParam("type", equalTo("branch")).willReturn(json("gitlab-com/commit-refs-B.json")));
        serveNoRunningDeployment(SECURITY_RAW);

        com.operations().deploymentRecords().createRunning(DeploymentProject.SECURITY, Environment.GSTG, packageB(), "k");

        gitlab.verify(postRequestedFor(urlPathMatching(SECURITY_RAW + "/deployments"))
                .withRequestBody(containing("ref=16-6-auto-deploy-2023110114")).withRequestBody(containing("sha=" + SHA_B))
                .withRequestBody(containing("tag=false")).withRequestBody(containing("status=running")));
    }

    /**
     * {@code GET repository/merge_base} on the security project: the commit (lib/api/entities/commit.rb), or GitLab's
     * {@code 404 Merge Base Not Found} when {@code sha} is null; and that commit on canonical.
     */
    void serveMergeBase(String sha) {
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/merge_base")).willReturn(sha == null
                ? error(404, "404 Merge Base Not Found") : okForContentType("application/json", commit(sha))));
        if (sha != null)
            gitlab.stubFor(get(urlPathEqualTo(CANONICAL_RAW + "/repository/commits/" + sha))
                    .willReturn(okForContentType("application/json", commit(sha))));
    }

    static String commit(String sha) {
        String list = commits(sha);
        return list.substring(1, list.length() - 1);
    }

    @Test
    void the_canonical_commit_is_the_merge_base_of_the_package_and_master_asked_of_security_however_far_master_moved_issue_12() {
        GitLabRefusals.install(gitlab::stubFor);
        // master's newest commits no longer reach the package's history: release-tools' 300-deep walk finds nothing
        serveHistories(commits(PICK, SHA_A), commits(SHA_C));
        serveMergeBase(SHA_A);
        serveNoRunningDeployment(CANONICAL_RAW);
        AutoDeployPackage picked = new AutoDeployPackage(packageB().version(), SHA_B, packageB().refName());

        com.operations().deploymentRecords().createRunning(DeploymentProject.CANONICAL, Environment.GPRD, picked, "k");

        gitlab.verify(postRequestedFor(urlPathMatching(CANONICAL_RAW + "/deployments")).withRequestBody(containing("sha=" + SHA_A)));
        gitlab.verify(getRequestedFor(urlPathEqualTo(SECURITY_RAW + "/repository/merge_base"))
                .withQueryParam("refs[]", equalTo(SHA_B)));
    }

    @Test
    void when_security_lacks_canonical_masters_head_the_intersection_is_walked_as_release_tools_does() {
        GitLabRefusals.install(gitlab::stubFor);
        serveHistories(commits(PICK, SHA_A), commits(SHA_C, SHA_A));
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/merge_base"))
                .willReturn(error(400, "Could not find ref: " + SHA_C)));
        serveNoRunningDeployment(CANONICAL_RAW);
        AutoDeployPackage picked = new AutoDeployPackage(packageB().version(), SHA_B, packageB().refName());

        com.operations().deploymentRecords().createRunning(DeploymentProject.CANONICAL, Environment.GPRD, picked, "k");

        gitlab.verify(postRequestedFor(urlPathMatching(CANONICAL_RAW + "/deployments")).withRequestBody(containing("sha=" + SHA_A)));
    }

    void serveHistories(String packageHistory, String masterHistory) {
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits")).withQueryParam("ref_name", equalTo(SHA_B))
                .willReturn(okForContentType("application/json", packageHistory)));
        gitlab.stubFor(get(urlPathEqualTo(CANONICAL_RAW + "/repository/commits")).withQueryParam("ref_name", equalTo("master"))
                .willReturn(okForContentType("application/json", masterHistory)));
    }

    static String commits(String... shas) {
        StringBuilder b = new StringBuilder("[");
        for (String sha : shas) b.append(b.length() > 1 ? "," : "").append("{\"id\":\"").append(sha).append("\",\"short_id\":\"")
                .append(sha, 0, 8).append("\",\"title\":\"c\",\"message\":\"c\",\"parent_ids\":[]}");
        return b.append(']').toString();
    }

    @Test
    void on_the_canonical_project_a_deployment_is_recorded_on_master_at_the_newest_package_commit_master_has() {
        GitLabRefusals.install(gitlab::stubFor);
        // the package's branch: a pick on top of SHA_A; canonical master has SHA_A but not the pick
        serveHistories(commits(PICK, SHA_A), commits(SHA_C, SHA_A));
        serveMergeBase(SHA_A);
        serveNoRunningDeployment(CANONICAL_RAW);
        AutoDeployPackage picked = new AutoDeployPackage(packageB().version(), SHA_B, packageB().refName());

        com.operations().deploymentRecords().createRunning(DeploymentProject.CANONICAL, Environment.GPRD, picked, "k");

        gitlab.verify(postRequestedFor(urlPathMatching(CANONICAL_RAW + "/deployments"))
                .withRequestBody(containing("ref=master")).withRequestBody(containing("sha=" + SHA_A))
                .withRequestBody(containing("tag=false")));
    }

    @Test
    void no_canonical_deployment_is_recorded_when_no_commit_of_the_package_is_on_canonical_master() {
        GitLabRefusals.install(gitlab::stubFor);
        serveHistories(commits(PICK), commits(SHA_C, SHA_A));
        serveMergeBase(null);

        DeploymentRecords records = com.operations().deploymentRecords();
        DeploymentRecord none = records.createRunning(DeploymentProject.CANONICAL, Environment.GPRD, packageB(), "k");
        records.finish(none, DeploymentRecords.Outcome.SUCCESS);

        assertThat(none.isRecorded()).isFalse();
        gitlab.verify(0, postRequestedFor(urlPathMatching(".*/deployments")));
        gitlab.verify(0, getRequestedFor(urlPathMatching(".*/deployments.*")));
    }

    @Test
    void an_own_running_deployment_with_the_same_ref_and_sha_is_found_again_instead_of_created_twice() {
        GitLabRefusals.install(gitlab::stubFor);
        gitlab.stubFor(get(urlPathEqualTo(SECURITY_RAW + "/repository/commits/" + SHA_B + "/refs"))
                .willReturn(json("gitlab-com/commit-refs-B.json")));
        gitlab.stubFor(get(urlPathMatching(SECURITY_RAW + "/deployments")).withQueryParam("status", equalTo("running"))
                .withQueryParam("environment", equalTo("db/gstg")).willReturn(okForContentType("application/json",
                        fixture("deployments-db-gstg-recent.json").replace("16.6.202311011420-5b1c0d2e3f4.4ce763dbce1",
                                "16-6-auto-deploy-2023110114"))));

        DeploymentRecord again = com.operations().deploymentRecords().createRunning(DeploymentProject.SECURITY,
                Environment.GSTG, packageB(), "k");

        assertThat(again.id()).isEqualTo("4302");
        gitlab.verify(0, postRequestedFor(urlPathMatching(".*/deployments")));
    }
}
