package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.storage.runs.RunState;
import pdmbot.world.demo.DemoSeed;

/**
 * The bot as a user points it at the emulator started on its own (what {@code pdm-bot emulator} prints): the shipped
 * {@code config/gitlab-com.yaml}, {@code world.kind: gitlab}, URLs, token and release issue from the environment —
 * not the demo shortcut. Status, package lookups, a dry run and a whole confirmed run go through GitLab's API.
 */
class GitLabComOnEmulatorTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void the_unchanged_gitlab_com_configuration_runs_a_whole_pdm_against_the_emulator() {
        try (Emulator gitlab = Emulator.start(dir.resolve("emulator"), 0, EmulatorClock.system(),
                EmulatorSettings.defaults().withPipelineStep(Duration.ofMillis(5)))) {
            DemoSeed.Seeded seeded = DemoSeed.ensure(gitlab, BotConfig.defaults().world().demoSeed());
            Map<String, String> environment = Map.of("PDM_WORLD_GITLAB_URL", gitlab.url(), "PDM_WORLD_GITLAB_OPS_URL",
                    gitlab.url(), "PDM_GITLAB_TOKEN", seeded.token(), "PDM_WORLD_GITLAB_RELEASE_ISSUE", seeded.releaseIssue());
            BotConfig config = ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"), environment)
                    .withData(dir.resolve("bot").toString());
            assertThat(config.world().kind()).isEqualTo("gitlab");
            try (PdmBot bot = PdmBot.start(config, environment, Clock.systemUTC())) {
                assertThat(bot.describe()).contains(gitlab.url()).doesNotContain(seeded.token());
                assertThat(say(bot, "pdm status").plainText()).contains("Pending — db/gstg main: 4, db/gstg ci: 3, db/gprd main: 8, db/gprd ci: 4.");
                assertThat(say(bot, "migration package 20231107025611").plainText())
                        .contains("RemoveIndexMergeRequestsOnMergeJid", "introduced by: `16.7.", "gitlab-org/gitlab!");
                String sha = bot.ledger().world().deployments().packageOn(pdmbot.domain.Environment.GPRD).orElseThrow().commitSha();
                assertThat(say(bot, "auto_deploy status " + sha.substring(0, 11)).isOk()).isTrue();
                assertThat(say(bot, "pdm execute --dry-run").plainText()).contains("Every check passed. Nothing was changed.");

                assertThat(say(bot, "pdm execute --confirm").plainText()).startsWith("PDM run #1 started by");
                assertThat(bot.runs().awaitIdle(Duration.ofSeconds(60))).isTrue();

                assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
                assertThat(bot.runs().store().executed(1)).hasSize(19);
                assertThat(say(bot, "pdm run 1").plainText()).contains("PDM run #1 — succeeded", "note posted: " + gitlab.url());
                assertThat(say(bot, "pdm status").plainText()).contains("Pending — db/gstg main: 0, db/gstg ci: 0, db/gprd main: 0, db/gprd ci: 0.");
            }
        }
    }

    private static Reply say(PdmBot bot, String text) {
        String user = bot.config().console().user();
        return bot.core().handle(new ChatRequest("console", user, user, "", null, text, "", java.time.Instant.now()));
    }
}
