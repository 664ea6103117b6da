package pdmbot.world.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.world.Ancestry;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DeployPipelines;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;
import pdmbot.world.demo.DemoSeed;

/**
 * The promotion's GitLab ports on the project's GitLab emulator seeded with the demo world (issue 16): ancestry through
 * {@code merge_base} and {@code compare} on the security project (lib/api/repositories.rb), the deploy through the
 * deployer's {@code POST pipeline} with the documented variables.
 */
class GitLabPromotionPortsTest {

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
                seeded.token(), "PDM_GITLAB_TOKEN", Duration.ofSeconds(10), Optional.of(seeded.releaseIssue()),
                PackageVersion.PATTERN, GitLabSettings.Pipelines.DEFAULT, GitLabSettings.Packages.GITLAB_COM,
                GitLabSettings.Tracker.DEFAULT, GitLabSettings.Ops.SAME));
    }

    @AfterAll
    static void stop() {
        if (world != null) world.close();
        emulator.close();
    }

    /** The diverged hotfix: the emulator's canonical repository is written from the demo plan, branch included. */
    private static String divergedSha() throws Exception {
        try (Git git = Git.open(emulator.seed().repositoryFolder(DemoSeed.CANONICAL).toFile())) {
            return git.getRepository().resolve("refs/heads/hotfix/api-cache-warmer").name();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode get(String project, String path) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.url()
                        + "/api/v4/projects/" + java.net.URLEncoder.encode(project, java.nio.charset.StandardCharsets.UTF_8) + path))
                .header("PRIVATE-TOKEN", seeded.token()).timeout(Duration.ofSeconds(10)).build();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
    }

    private static Ancestry ancestry() {
        return ((GitLabPackageSource) world.packages()).ancestry();
    }

    private static AutoDeployPackage gprd() {
        return world.deployments().packageOn(Environment.GPRD).orElseThrow();
    }

    @Test
    void the_diverged_hotfix_does_not_descend_from_gprd_and_compare_lists_the_five_commits_it_lacks() throws Exception {
        Ancestry ancestry = ancestry();
        String diverged = divergedSha();
        List<AutoDeployPackage> packages = world.packages().packages();

        assertThat(ancestry.descends(diverged, gprd().commitSha())).isFalse();
        assertThat(ancestry.mergeBase(diverged, gprd().commitSha())).contains(packages.get(packages.indexOf(gprd()) - 2).commitSha());
        Ancestry.Missing missing = ancestry.missing(diverged, gprd().commitSha(), 10);
        assertThat(missing.total()).isEqualTo(5);
        assertThat(missing.commits().get(0)).isEqualTo(new Ancestry.TitledCommit(gprd().commitSha(),
                "Add namespace_storage_limit feature flag"));
    }

    @Test
    void a_later_package_descends_from_gprd_and_lacks_nothing_of_it() {
        List<AutoDeployPackage> packages = world.packages().packages();
        AutoDeployPackage later = packages.get(packages.indexOf(gprd()) + 1);

        assertThat(ancestry().descends(later.commitSha(), gprd().commitSha())).isTrue();
        assertThat(ancestry().missing(later.commitSha(), gprd().commitSha(), 10).total()).isZero();
    }

    @Test
    void an_unknown_commit_is_gitlabs_400_could_not_find_ref_named_for_the_action() {
        assertThatThrownBy(() -> ancestry().mergeBase("f".repeat(40), gprd().commitSha()))
                .isInstanceOf(UnableToReadCommitException.class)
                .hasMessageContaining("Could not find ref: " + "f".repeat(40));
    }

    @Test
    void the_deploy_pipeline_starts_once_per_effect_key_with_the_deployer_variables_and_ends_with_its_pipeline()
            throws Exception {
        DeployPipelines pipelines = ((GitLabPipelineRunner) world.operations().pipelines()).deployPipelines(Map.of("gprd",
                new GitLabDeployPipelines.Pipeline(DemoSeed.DEPLOYER, "master")));
        String version = gprd().version().toString();

        PipelineHandle first = pipelines.start("gprd", version, Map.of("DEPLOY_USER", "alice"), "pdm-deploy-7/deploy/pipeline");
        PipelineHandle again = pipelines.start("gprd", version, Map.of("DEPLOY_USER", "alice"), "pdm-deploy-7/deploy/pipeline");

        assertThat(again).isEqualTo(first);
        Map<String, String> variables = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode v : get(DemoSeed.DEPLOYER, "/pipelines/" + first.id() + "/variables"))
            variables.put(v.path("key").asText(), v.path("value").asText());
        assertThat(variables).containsEntry("DEPLOY_ENVIRONMENT", "gprd").containsEntry("DEPLOY_VERSION", version)
                .containsEntry("DEPLOY_USER", "alice").containsEntry("PDM_EFFECT_KEY", "pdm-deploy-7/deploy/pipeline");
        assertThat(pipelines.status("gprd", first)).isInstanceOf(PipelineStatus.Running.class);
        emulator.clock().advance(Duration.ofMinutes(30));
        assertThat(pipelines.status("gprd", first)).isInstanceOf(PipelineStatus.Succeeded.class);
    }
}
