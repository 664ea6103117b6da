package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.OnlySubset;
import pdmbot.decide.RunWindows;
import pdmbot.decide.Window;
import pdmbot.domain.Environment;
import pdmbot.schedule.Proposals;
import pdmbot.schedule.ScheduleSettings;
import pdmbot.schedule.SubsetGroupRuns;
import pdmbot.schedule.WindowKey;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.schedule.Offer;
import pdmbot.storage.testing.Race;

/**
 * Issue 14 item 4: a proposal's Confirm and {@code schedule.mode: auto} start {@code pdm execute --only} of their group
 * (its versions on its environment) through the production checks, on the demo world's real run; two scheduler
 * instances on one store start it once.
 */
class ProposalSubsetRunTest {

    @TempDir
    Path dir;

    /** The demo's gstg sidekiq_only group as the decisions give it, its window open now. */
    private static RunWindows gstgSidekiqOnly(TestBot bot) {
        return (from, until) -> bot.bot.runDecider().windows(from, until).stream()
                .filter(g -> g.group().environment() == Environment.GSTG && g.group().nature().equals("sidekiq_only"))
                .map(g -> new GroupWindow(g.group(), Optional.of(new Window(from.minus(Duration.ofMinutes(1)), from.plus(Duration.ofHours(2)))),
                        g.reasons()))
                .toList();
    }

    private static Proposals proposals(TestBot bot, RunWindows windows, String mode, List<Reply> posted) {
        return new Proposals(windows, bot.bot.database().stores().offers(),
                new Dialogues(bot.bot.database().stores().dialogues(), java.time.Clock.systemUTC()),
                new SubsetGroupRuns(bot.runs(), new OnlySubset(bot.bot.runDecider())),
                (topic, message) -> posted.add(message),
                new ScheduleSettings(mode, List.of("sidekiq_only"), Duration.ofDays(7), Duration.ofMinutes(1)), java.time.Clock.systemUTC());
    }

    @Test
    void a_confirmed_proposal_runs_only_its_group_and_says_so() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            List<Reply> posted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Proposals proposals = proposals(bot, gstgSidekiqOnly(bot), "propose", posted);
            WindowKey key = proposals.upcoming().get(0);
            Offer offer = proposals.atWindow(key).orElseThrow();

            Reply confirmed = proposals.confirm(offer.id(), "alice");
            bot.awaitIdle();

            assertThat(confirmed.plainText()).contains("PDM run #1 started for 2 sidekiq_only migrations on db/gstg",
                    "only this group: 2 sidekiq_only migrations on db/gstg (`--only sidekiq_only on gstg`); every other pending migration stays pending");
            assertThat(posted).anySatisfy(p -> assertThat(p.plainText()).contains("confirmed by alice: PDM run #1 started (only this group"));
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(bot.runs().store().executed(1)).extracting(ExecutedMigration::version)
                    .containsExactlyInAnyOrder("20231106180117", "20231107035713");
            assertThat(bot.runs().store().executed(1)).extracting(ExecutedMigration::environment).containsOnly(Environment.GSTG);
            assertThat(bot.say("pdm status").plainText()).contains("db/gprd      20231106180117");
            assertThat(bot.say("pdm run 1").plainText()).contains("Limited to `--only sidekiq_only on gstg`: db/gstg 20231106180117, 20231107035713.",
                    "the run's subset holds nothing pending on gprd"); // not "nothing pending on gprd": 12 are
        }
    }

    @Test
    void two_instances_running_a_group_without_a_click_at_the_same_window_start_one_run_of_that_group() throws Exception {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            List<Reply> posted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Proposals a = proposals(bot, gstgSidekiqOnly(bot), "auto", posted);
            Proposals b = proposals(bot, gstgSidekiqOnly(bot), "auto", posted);
            WindowKey key = a.upcoming().get(0);

            Race.run(() -> a.atWindow(key), () -> b.atWindow(key));
            bot.awaitIdle();

            assertThat(bot.runs().store().recent(5)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.SUCCEEDED));
            assertThat(bot.runs().store().scope(1).orElseThrow().only()).isEqualTo("--only sidekiq_only on gstg");
            assertThat(posted).singleElement().satisfies(p -> assertThat(p.plainText())
                    .contains("Scheduled run (auto): 2 sidekiq_only migrations on db/gstg", "only this group"));
        }
    }
}
