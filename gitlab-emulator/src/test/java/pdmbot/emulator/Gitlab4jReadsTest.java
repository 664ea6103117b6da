package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pdmbot.emulator.EmulatorFixture.*;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.Deployment;
import org.gitlab4j.api.models.DeploymentFilter;
import org.gitlab4j.api.models.Issue;
import org.gitlab4j.api.models.IssueFilter;
import org.gitlab4j.api.models.Pipeline;
import org.gitlab4j.api.models.Tag;
import org.gitlab4j.api.models.TreeItem;
import org.gitlab4j.models.Constants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gitlab4j 6.2.0 (the client the bot uses) parses the emulator's answers and pages through its headers. */
class Gitlab4jReadsTest {

    @TempDir
    static java.nio.file.Path folder;
    static EmulatorFixture gitlab;
    static GitLabApi api;

    @BeforeAll
    static void start() throws Exception {
        gitlab = new EmulatorFixture(folder);
        gitlab.emulator.seed().deployment(SECURITY, "db/gprd", BRANCH, gitlab.pick.name(), false, "success", "root",
                START.minusSeconds(7200), START.minusSeconds(3600));
        gitlab.emulator.seed().issue(PRODUCTION, "Spike", "", List.of("Incident::Active", "severity::2"), "incident", "root");
        api = new GitLabApi(gitlab.emulator.url(), ROOT);
    }

    @AfterAll
    static void stop() {
        api.close();
        gitlab.close();
    }

    @Test
    void project_tags_and_commits_parse() throws Exception {
        assertThat(api.getProjectApi().getProject(SECURITY).getDefaultBranch()).isEqualTo("master");
        List<Tag> tags = api.getTagsApi().getTags(OMNIBUS);
        assertThat(tags).extracting(Tag::getName).contains(gitlab.packageTag);
        assertThat(tags.get(0).getCommit().getId()).isEqualTo(gitlab.omnibusCommit.name());
        var commit = api.getCommitsApi().getCommit(SECURITY, gitlab.pick.name().substring(0, 11));
        assertThat(commit.getId()).isEqualTo(gitlab.pick.name());
        assertThat(commit.getCommittedDate()).isNotNull();
        assertThat(commit.getStats().getAdditions()).isEqualTo(1);
        assertThatThrownBy(() -> api.getCommitsApi().getCommit(CANONICAL, gitlab.pick.name()))
                .isInstanceOfSatisfying(GitLabApiException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404));
    }

    @Test
    void the_pager_follows_the_pagination_headers() throws Exception {
        var pager = api.getCommitsApi().getCommits(CANONICAL, 2);
        int seen = 0;
        while (pager.hasNext()) seen += pager.next().size();
        assertThat(seen).isEqualTo(5);
        var tagPager = api.getTagsApi().getTags(OMNIBUS, 1);
        assertThat(tagPager.getTotalPages()).isEqualTo(2);
        assertThat(tagPager.all()).hasSize(2);
    }

    @Test
    @SuppressWarnings("deprecation") // gitlab4j's compare(project, from, to, straight), still the call clients make
    void compare_tree_and_files_parse() throws Exception {
        var compare = api.getRepositoryApi().compare(CANONICAL, gitlab.initial.name(), "master", false);
        assertThat(compare.getCommits()).hasSize(4);
        assertThat(compare.getDiffs()).extracting(d -> d.getNewPath()).contains("db/post_migrate/20231103000000_third.rb");
        List<TreeItem> tree = api.getRepositoryApi().getTree(CANONICAL, "db/post_migrate", "master");
        assertThat(tree).extracting(TreeItem::getName).hasSize(3);
        try (InputStream raw = api.getRepositoryFileApi().getRawFile(CANONICAL, "master", "db/post_migrate/20231101000000_first.rb")) {
            assertThat(new String(raw.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("class First\nend\n");
        }
        assertThat(api.getRepositoryFileApi().getFile(CANONICAL, "README.md", "master").getDecodedContentAsString()).isEqualTo("demo\n");
    }

    @Test
    void deployments_are_read_created_and_updated() throws Exception {
        DeploymentFilter filter = new DeploymentFilter().withEnvironment("db/gprd").withStatus(Constants.DeploymentStatus.SUCCESS)
                .withOrderBy(Constants.DeploymentOrderBy.ID).withSortOrder(Constants.SortOrder.DESC);
        List<Deployment> found = api.getDeploymentsApi().getProjectDeployments(SECURITY, filter).all();
        assertThat(found).extracting(Deployment::getSha).containsExactly(gitlab.pick.name());
        Deployment created = api.getDeploymentsApi().addDeployment(CANONICAL, "db/gstg", "master", gitlab.merge.name(), false,
                Constants.DeploymentStatus.RUNNING);
        assertThat(created.getStatus()).isEqualTo(Constants.DeploymentStatus.RUNNING);
        Deployment done = api.getDeploymentsApi().updateDeployment(CANONICAL, created.getId(), Constants.DeploymentStatus.SUCCESS);
        assertThat(done.getStatus()).isEqualTo(Constants.DeploymentStatus.SUCCESS);
    }

    @Test
    void pipelines_variables_jobs_and_trace_parse() throws Exception {
        Pipeline p = api.getPipelineApi().createPipeline(DEPLOYER, "master", Map.of("DEPLOY_ENVIRONMENT", "gstg"));
        assertThat(p.getStatus()).isEqualTo(org.gitlab4j.api.models.PipelineStatus.CREATED);
        gitlab.emulator.clock().advance(java.time.Duration.ofMinutes(10));
        assertThat(api.getPipelineApi().getPipeline(DEPLOYER, p.getId()).getStatus()).isEqualTo(org.gitlab4j.api.models.PipelineStatus.SUCCESS);
        assertThat(api.getPipelineApi().getPipelineVariables(DEPLOYER, p.getId())).extracting(v -> v.getKey()).contains("DEPLOY_ENVIRONMENT");
        var jobs = api.getJobApi().getJobsForPipeline(DEPLOYER, p.getId());
        assertThat(jobs).extracting(j -> j.getName()).containsExactly("gstg-prepare", "gstg-post-deploy-migrations");
        assertThat(api.getJobApi().getTrace(DEPLOYER, jobs.get(1).getId())).contains("Job succeeded");
    }

    @Test
    void tracker_issues_and_notes_parse() throws Exception {
        List<Issue> active = api.getIssuesApi().getIssues(PRODUCTION, new IssueFilter().withState(Constants.IssueState.OPENED)
                .withLabels(List.of("Incident::Active")));
        assertThat(active).extracting(Issue::getTitle).containsExactly("Spike");
        assertThat(active.get(0).getLabels()).containsExactly("Incident::Active", "severity::2");
        var note = api.getNotesApi().createIssueNote(PRODUCTION, active.get(0).getIid(), "PDM finished");
        assertThat(note.getBody()).isEqualTo("PDM finished");
    }
}
