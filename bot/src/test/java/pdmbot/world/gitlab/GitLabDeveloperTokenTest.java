package pdmbot.world.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
import pdmbot.world.BackgroundMigrations.Listing;
import pdmbot.world.PipelineHandle;
import pdmbot.world.demo.DemoSeed;

/**
 * The GitLab world with the token GitLab.com's configuration asks for, a Developer's (issue 12, review findings 1 and
 * 2), on the project's GitLab emulator seeded with the demo world: Ci::PipelinePolicy's 403 on other users' pipeline
 * variables (app/policies/ci/pipeline_policy.rb), {@code authenticated_as_admin!} on the admin API and its newest-20
 * limit (lib/api/admin/batched_background_migrations.rb, app/finders/database/batched_background_migrations_finder.rb).
 */
class GitLabDeveloperTokenTest {

    static final String DEVELOPER_TOKEN = "test-token-developer-bot";
    static final String OTHER_TOKEN = "test-token-other-developer";

    @TempDir
    static Path folder;
    static Emulator emulator;
    static DemoSeed.Seeded seeded;
    static GitLabWorld bot;
    static GitLabWorld someoneElse;
    static GitLabWorld admin;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(folder, 0, EmulatorClock.system(), EmulatorSettings.defaults());
        seeded = DemoSeed.ensure(emulator, DemoSeed.DEFAULT_SEED);
        emulator.seed().user("pdm-bot", "PDM bot", false);
        emulator.seed().token(DEVELOPER_TOKEN, "pdm-bot", "api");
        emulator.seed().user("release-manager", "A release manager", false);
        emulator.seed().token(OTHER_TOKEN, "release-manager", "api");
        bot = GitLabWorld.open(settings(DEVELOPER_TOKEN));
        someoneElse = GitLabWorld.open(settings(OTHER_TOKEN));
        admin = GitLabWorld.open(settings(DEVELOPER_TOKEN).withAdmin(new GitLabSettings.Admin(Optional.of(seeded.token()),
                "PDM_GITLAB_ADMIN_TOKEN")));
    }

    static GitLabSettings settings(String token) {
        return new GitLabSettings(emulator.url(), DemoSeed.CANONICAL, DemoSeed.SECURITY, DemoSeed.PRODUCTION, token,
                "PDM_GITLAB_TOKEN", Duration.ofSeconds(10), Optional.empty(), PackageVersion.PATTERN,
                GitLabSettings.Pipelines.DEFAULT, GitLabSettings.Packages.GITLAB_COM, GitLabSettings.Tracker.DEFAULT,
                GitLabSettings.Ops.SAME);
    }

    @AfterAll
    static void stop() {
        for (GitLabWorld w : new GitLabWorld[] {bot, someoneElse, admin}) if (w != null) w.close();
        emulator.close();
    }

    private static int status(String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.url() + "/api/v4/projects/"
                + URLEncoder.encode(DemoSeed.DEPLOYER, StandardCharsets.UTF_8) + path))
                .header("PRIVATE-TOKEN", token).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void another_users_api_pipeline_on_the_deployer_neither_breaks_the_bots_start_nor_is_taken_for_the_bots() throws Exception {
        PipelineHandle theirs = someoneElse.operations().pipelines().startPostDeployMigrations(Environment.GSTG, Map.of(),
                "pdm-run-9/pdm/gstg/pipeline");
        // GitLab hides a pipeline's variables from a Developer who did not trigger it
        assertThat(status(DEVELOPER_TOKEN, "/pipelines/" + theirs.id() + "/variables")).isEqualTo(403);

        PipelineHandle first = bot.operations().pipelines().startPostDeployMigrations(Environment.GSTG, Map.of(),
                "pdm-run-9/pdm/gstg/pipeline");
        PipelineHandle again = bot.operations().pipelines().startPostDeployMigrations(Environment.GSTG, Map.of(),
                "pdm-run-9/pdm/gstg/pipeline");

        assertThat(first.id()).isNotEqualTo(theirs.id());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void without_an_admin_token_production_s_background_migrations_are_unknown_saying_how_to_give_one() {
        Listing listing = bot.backgroundMigrations().listingOn(Environment.GPRD, LogicalDatabase.CI);

        assertThat(listing).isInstanceOf(Listing.Unknown.class);
        assertThat(((Listing.Unknown) listing).reason()).contains("403 Forbidden")
                .contains("GET /admin/batched_background_migrations?database=ci").contains("PDM_GITLAB_ADMIN_TOKEN");
    }

    @Test
    void with_an_admin_token_production_s_background_migrations_are_listed_in_full_when_fewer_than_gitlab_s_limit() {
        Listing listing = admin.backgroundMigrations().listingOn(Environment.GPRD, LogicalDatabase.CI);

        assertThat(listing).isInstanceOfSatisfying(Listing.Listed.class, listed -> {
            assertThat(listed.isComplete()).isTrue();
            assertThat(listed.migrations()).extracting(b -> b.jobClass()).contains("BackfillCiStagesPartitionId");
        });
    }

    @Test
    void staging_s_background_migrations_are_on_another_instance_so_unknown_never_none() {
        assertThat(admin.backgroundMigrations().listingOn(Environment.GSTG, LogicalDatabase.MAIN))
                .isInstanceOfSatisfying(Listing.Unknown.class, u -> assertThat(u.reason()).contains("another GitLab instance"));
    }

    @Test
    void gitlab_lists_the_newest_twenty_only_so_a_full_list_says_it_may_miss_older_ones() {
        Instant at = Instant.parse("2031-01-01T00:00:00Z");
        for (int i = 0; i < 20; i++)
            emulator.seed().batchedMigration("main", "NewerBackfill" + i, "table_" + i, "id", "finished", 100.0, at.plusSeconds(i));

        Listing listing = admin.backgroundMigrations().listingOn(Environment.GPRD, LogicalDatabase.MAIN);

        assertThat(listing).isInstanceOfSatisfying(Listing.Listed.class, listed -> {
            assertThat(listed.migrations()).hasSize(20).extracting(b -> b.jobClass()).doesNotContain("BackfillProjectsOrganizationId");
            assertThat(listed.isComplete()).isFalse();
            assertThat(listed.onlyNewest()).contains("newest 20");
        });
    }
}
