package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.storage.runs.AttemptState;
import pdmbot.storage.runs.RunAttempt;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;

/**
 * Issue 10 item 1: a retry passes the production checks of its moment, exactly as a new run does, driven through
 * chat commands only, and what the checks decided is kept with the attempt. Issue 10 item 2: a retry takes back
 * the locks released while the run was failed, and the run's history keeps every attempt.
 */
class RetryChecksTest {

    @TempDir
    Path dir;

    private TestBot failedAtQa() {
        TestBot bot = TestBot.start(TestBot.config(dir));
        bot.say("demo fail next qa");
        assertThat(bot.say("pdm execute --confirm").isOk()).isTrue();
        bot.awaitIdle();
        assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.FAILED);
        return bot;
    }

    private static StepRecord step(TestBot bot, String name) {
        return bot.runs().store().steps(1).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static boolean hasButton(Reply reply) {
        return reply.blocks().stream().anyMatch(b -> b instanceof Block.Buttons);
    }

    @Test
    @DisplayName("issue 10: 'pdm retry --confirm' with a severity-1 incident and a production deployment runs nothing")
    void a_retry_the_checks_fail_starts_no_pipeline_and_records_the_refusal_with_its_checks() {
        try (TestBot bot = failedAtQa()) {
            bot.say("demo incident open 1");
            bot.say("demo deploy start gprd");

            Reply asked = bot.say("pdm retry 1");
            assertThat(asked.isOk()).isFalse();
            assertThat(hasButton(asked)).as("no button to retry while the checks fail").isFalse();
            assertThat(asked.plainText()).contains("Run #1 stopped at step qa gstg: QA against gstg failed", "FAIL",
                    "severity 1", "is running on gprd");

            Reply confirmed = bot.say("pdm retry 1 --confirm");
            bot.awaitIdle();

            assertThat(confirmed.isOk()).isFalse();
            assertThat(confirmed.plainText()).contains("The retry failed its checks", "severity 1", "is running on gprd",
                    "Nothing ran", "Recorded as attempt 2 of run #1 (refused)");
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.FAILED);
            assertThat(step(bot, "qa gstg").attempt()).as("QA not started again").isEqualTo(1);
            assertThat(step(bot, "gprd").state()).isEqualTo(StepState.PENDING);
            assertThat(bot.runs().store().effects(1)).as("no effect of gprd, no second QA pipeline")
                    .noneMatch(e -> e.key().startsWith("gprd/") || e.key().startsWith("qa/attempt-2"));
            RunAttempt refused = bot.runs().store().attempts(1).get(1);
            assertThat(refused.state()).isEqualTo(AttemptState.REFUSED);
            assertThat(refused.checks()).contains("FAIL — incidents:", "FAIL — production deployments:");
            assertThat(bot.say("pdm run 1").plainText()).contains("refused", "retry refused by the checks");
        }
    }

    @Test
    void a_retry_while_staging_deploys_is_cancelled_and_the_run_stays_failed_with_its_locks() {
        try (TestBot bot = failedAtQa()) {
            bot.say("demo deploy start gstg");

            Reply confirmed = bot.say("pdm retry 1 --confirm");

            assertThat(confirmed.plainText()).contains("The retry is cancelled", "is running on gstg", "(cancelled)");
            assertThat(bot.runs().store().attempts(1)).extracting(RunAttempt::state)
                    .containsExactly(AttemptState.FAILED, AttemptState.CANCELLED);
            assertThat(bot.runs().active()).map(r -> r.state()).contains(RunState.FAILED);
            assertThat(bot.bot.database().stores().locks().locks()).hasSize(2);
        }
    }

    @Test
    void a_retry_shows_warnings_and_the_release_note_quotes_the_retry_s_checks_not_the_first_attempt_s() throws Exception {
        try (TestBot bot = failedAtQa()) {
            bot.say("demo incident open 3");

            Reply asked = bot.say("pdm retry 1");
            assertThat(hasButton(asked)).isTrue();
            assertThat(asked.plainText()).contains("WARNING", "severity 3");
            assertThat(bot.say("pdm retry 1 --confirm").plainText()).contains("Resuming run #1 from step qa gstg (attempt 2)",
                    "WARNING");
            bot.awaitIdle();

            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            String note = String.join("\n", bot.demo().releaseNotes()); // the release issue's notes on the emulator
            assertThat(note).contains("Checks (attempt 2, by " + bot.bot.config().console().user(), "WARNING — incidents:",
                    "severity 3");
            assertThat(note).doesNotContain("pass — incidents: no active incident");
        }
    }

    @Test
    @DisplayName("issue 10: a retry locks again what was unlocked while the run was failed, and keeps its history")
    void a_retry_takes_back_a_lock_released_while_the_run_was_failed_and_the_run_keeps_every_attempt() {
        try (TestBot bot = failedAtQa()) {
            String user = bot.bot.config().console().user();
            assertThat(bot.say("pdm unlock gprd --confirm").isOk()).isTrue();
            assertThat(bot.say("pdm status").plainText()).contains("Failed: run #1", "failed at step qa gstg",
                    "`pdm retry 1` resumes it");

            bot.say("pdm retry 1 --confirm");
            bot.awaitIdle();

            assertThat(bot.announcementTexts()).anyMatch(t -> t.contains("PDM run #1 locked gprd again"));
            assertThat(step(bot, "unlock").outcome()).isEqualTo("unlocked gstg and gprd");
            String detail = bot.say("pdm run 1").plainText();
            assertThat(detail).contains("PDM run #1 — succeeded")
                    .containsPattern("1\\s+" + user + "\\s+\\S+ \\S+ UTC\\s+lock\\s+failed\\s+QA against gstg failed")
                    .containsPattern("2\\s+" + user + "\\s+\\S+ \\S+ UTC\\s+qa gstg\\s+succeeded");
        }
    }
}
