package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.BotConfig;
import pdmbot.storage.runs.RunState;

/** A real bot process killed with kill -9 in the middle of the gstg migrations, then a bot started on its folder. */
class KillNineTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void a_bot_killed_mid_run_is_resumed_on_restart_and_every_side_effect_happens_once() throws Exception {
        DemoTemplate.copyInto(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RunInChildJvm.class.getName(),
                dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> childSaid = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("ANNOUNCED") && !line.startsWith("REPLY")) continue; // the child's log lines
                childSaid.add(line);
                if (line.contains("Running 7 post-deploy migrations on db/gstg")) break;
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(childSaid).anySatisfy(l -> assertThat(l).startsWith("REPLY PDM run #1 started by"));
        assertThat(childSaid).anySatisfy(l -> assertThat(l).contains("Running 7 post-deploy migrations on db/gstg"));
        String pipeline = pipelineOf(childSaid);

        BotConfig base = TestBot.config(dir);
        BotConfig resume = new BotConfig(base.data(), base.store(), base.world(), base.roles(), base.console(), base.rules(),
                base.http(), base.slack(), base.discord(), new BotConfig.Run("resume", 0, null, null, List.of()));
        try (TestBot bot = TestBot.start(resume)) {
            bot.awaitIdle();

            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(bot.runs().store().steps(1).get(2).attempt()).as("gstg went on in its first attempt").isEqualTo(1);
            assertThat(bot.demo().pendingMigrationsLeft()).isZero();
            assertThat(bot.demo().deploymentRecords()).hasSize(4);
            assertThat(bot.demo().pipelinesStarted("pdm")).isEqualTo(2);
            assertThat(bot.say("pdm run 1").plainText()).contains("PDM run #1 — succeeded");
            assertThat(bot.runs().store().effects(1)).filteredOn(e -> e.key().startsWith("gstg/") && e.key().endsWith("/pipeline"))
                    .singleElement().satisfies(e -> assertThat(e.result()).as("the pipeline the killed bot started").startsWith(pipeline + "\t"));
            String notes = String.join("\n", bot.demo().releaseNotes()); // the release issue's notes on the emulator
            assertThat(Pattern.compile("run #1").matcher(notes).results().count()).isEqualTo(1);
            List<String> all = new ArrayList<>(childSaid);
            all.addAll(bot.announcementTexts());
            assertThat(all).filteredOn(l -> l.contains("PDM run #1 started by")).hasSize(2); // the reply and the announcement
            assertThat(all).filteredOn(l -> l.contains("Running 7 post-deploy migrations on db/gstg")).hasSize(1);
            assertThat(all).filteredOn(l -> l.contains("PDM run #1 succeeded in")).hasSize(1);
        }
    }

    private static String pipelineOf(List<String> lines) {
        for (String line : lines) {
            Matcher m = Pattern.compile("db/gstg \\(package `[^`]+`, pipeline (\\d+)").matcher(line);
            if (m.find()) return m.group(1);
        }
        throw new AssertionError("no pipeline announced: " + lines);
    }
}
