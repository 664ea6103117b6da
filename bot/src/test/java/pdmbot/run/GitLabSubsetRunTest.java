package pdmbot.run;

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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.domain.Environment;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunState;
import pdmbot.world.demo.DemoSeed;

/**
 * Issue 14: {@code pdm execute --only} through chat commands on the GitLab world (GitLab.com's configuration,
 * config/gitlab-com.yaml) over the project's GitLab emulator seeded with the demo world. The deployer pipelines get
 * {@code PDM_MIGRATION_VERSIONS}, their job logs show only those migrations, no db/ deployment claims the package, and
 * what is pending afterwards is the rest. About 30 s on a loaded 2-core machine: seeding the emulator (~7 s), the bot's start on it
 * (ledger ingestion over HTTP, ~12 s), a run of three pipelines polled every second and one `pdm status` — the
 * end-to-end path the issue asks for, kept to one test.
 */
class GitLabSubsetRunTest {

    private static final String DEPLOYER = "gitlab-com/gl-infra/deployer";
    private static final Set<String> SIDEKIQ_ONLY = Set.of("20231106180117", "20231107035713");

    @TempDir
    Path folder;

    @Test
    void a_subset_run_on_gitlab_limits_the_deployer_pipelines_records_no_db_deployment_and_leaves_the_rest_pending() throws Exception {
        try (Emulator emulator = Emulator.start(folder.resolve("emulator"), 0, EmulatorClock.system(),
                EmulatorSettings.defaults().withPipelineStep(Duration.ofMillis(100)))) {
            DemoSeed.Seeded seeded = DemoSeed.ensure(emulator, DemoSeed.DEFAULT_SEED);
            Map<String, String> environment = Map.of("PDM_WORLD_GITLAB_URL", emulator.url(), "PDM_WORLD_GITLAB_OPS_URL", emulator.url(),
                    "PDM_GITLAB_TOKEN", seeded.token(), "PDM_WORLD_GITLAB_RELEASE_ISSUE", seeded.releaseIssue(),
                    "PDM_RUN_POLL_SECONDS", "1");
            BotConfig config = ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"), environment)
                    .withData(folder.resolve("data").toString());
            int dbDeploymentsBefore = dbDeployments(emulator, seeded);
            try (TestBot bot = TestBot.wrap(PdmBot.start(config, environment))) {
                Reply started = bot.say("pdm execute --only sidekiq_only --confirm");
                bot.awaitIdle();

                assertThat(started.plainText()).contains("Limited to `--only sidekiq_only`");
                assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
                List<ExecutedMigration> executed = bot.runs().store().executed(1);
                assertThat(executed).extracting(ExecutedMigration::environment).contains(Environment.GSTG, Environment.GPRD);
                assertThat(executed).allSatisfy(m -> assertThat(SIDEKIQ_ONLY).contains(m.version()));

                List<JsonNode> pipelines = new ArrayList<>();
                get(emulator, seeded, "/projects/" + enc(DEPLOYER) + "/pipelines?per_page=100").forEach(pipelines::add);
                List<String> limits = new ArrayList<>();
                for (JsonNode p : pipelines)
                    for (JsonNode v : get(emulator, seeded, "/projects/" + enc(DEPLOYER) + "/pipelines/" + p.path("id").asLong() + "/variables"))
                        if (v.path("key").asText().equals("PDM_MIGRATION_VERSIONS")) limits.add(v.path("value").asText());
                assertThat(limits).hasSize(2).allSatisfy(l -> assertThat(SIDEKIQ_ONLY).containsAll(List.of(l.split(","))));
                String traces = traces(emulator, seeded, pipelines);
                assertThat(traces).contains("20231106180117 PrepareAsyncIndexMergeRequestsOnAuthorIdAndCreatedAt: migrated (")
                        .doesNotContain("20231107025611");
                assertThat(dbDeployments(emulator, seeded)).as("no db/ deployment claims the package's every migration")
                        .isEqualTo(dbDeploymentsBefore);

                String after = bot.say("pdm status").plainText();
                assertThat(after).doesNotContain("prepare_async_index_merge_requests_on_author_id_and_created_at")
                        .contains("remove_index_merge_requests_on_merge_jid");
                assertThat(bot.say("pdm run 1").plainText()).contains("Limited to `--only sidekiq_only`: db/gstg ");
            }
        }
    }

    private static int dbDeployments(Emulator emulator, DemoSeed.Seeded seeded) throws Exception {
        int n = 0;
        for (String project : List.of("gitlab-org/gitlab", "gitlab-org/security/gitlab"))
            for (String env : List.of("db/gstg", "db/gprd"))
                n += get(emulator, seeded, "/projects/" + enc(project) + "/deployments?environment=" + enc(env) + "&per_page=100").size();
        return n;
    }

    private static String traces(Emulator emulator, DemoSeed.Seeded seeded, List<JsonNode> pipelines) throws Exception {
        StringBuilder all = new StringBuilder();
        for (JsonNode p : pipelines)
            for (JsonNode job : get(emulator, seeded, "/projects/" + enc(DEPLOYER) + "/pipelines/" + p.path("id").asLong() + "/jobs"))
                all.append(send(emulator, seeded, "/projects/" + enc(DEPLOYER) + "/jobs/" + job.path("id").asLong() + "/trace"));
        return all.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode get(Emulator emulator, DemoSeed.Seeded seeded, String path) throws Exception {
        return new ObjectMapper().readTree(send(emulator, seeded, path));
    }

    private static String send(Emulator emulator, DemoSeed.Seeded seeded, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.url() + "/api/v4" + path))
                .header("PRIVATE-TOKEN", seeded.token()).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
