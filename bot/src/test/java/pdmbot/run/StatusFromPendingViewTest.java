package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.pending.PendingSnapshot;

/** Issue 17 item 6: {@code pdm status} reads the maintained pending view, and what changes the world refreshes it. */
class StatusFromPendingViewTest {

    @TempDir
    Path dir;

    @Test
    void statuses_without_a_change_read_one_snapshot() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            bot.say("pdm status");
            PendingSnapshot first = bot.bot.pending().current();

            for (int i = 0; i < 20; i++) assertThat(bot.say("pdm status").isOk()).isTrue();

            assertThat(bot.bot.pending().current()).isSameAs(first);
        }
    }

    @Test
    void status_after_a_run_shows_what_the_run_left_pending_without_waiting_for_a_refresh() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            assertThat(bot.say("pdm status").plainText()).contains("db/gprd main: 8");

            bot.say("pdm execute --confirm");
            bot.awaitIdle();

            assertThat(bot.say("pdm status").plainText()).contains("db/gstg main: 0, db/gstg ci: 0, db/gprd main: 0, db/gprd ci: 0");
            assertThat(bot.bot.pending().current().items()).isEmpty();
        }
    }

    @Test
    void a_demo_deployment_is_seen_by_the_next_status() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            long before = bot.bot.pending().current().countOn(Environment.GSTG, LogicalDatabase.MAIN);
            String gstgBefore = bot.bot.pending().current().plan().packageOn(Environment.GSTG).orElseThrow().toString();

            assertThat(bot.say("demo deploy start gstg").isOk()).isTrue();
            assertThat(bot.say("demo deploy finish gstg").isOk()).isTrue();

            PendingSnapshot after = bot.bot.pending().current();
            assertThat(after.plan().packageOn(Environment.GSTG).orElseThrow().toString()).isNotEqualTo(gstgBefore);
            assertThat(bot.say("pdm status").plainText()).contains("gstg runs `" + after.plan().packageOn(Environment.GSTG).orElseThrow());
            assertThat(after.countOn(Environment.GSTG, LogicalDatabase.MAIN)).isGreaterThanOrEqualTo(before);
        }
    }
}
