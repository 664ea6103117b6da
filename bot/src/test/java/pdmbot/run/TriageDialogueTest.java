package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;

/**
 * A whole failure triage through the chat core on the demo world (issue 15): it starts by itself when the run fails,
 * answers are recorded once with who and when, decisions are for release managers, an incident is opened, the
 * hand-over is posted, and the successful retry closes it; it survives a restart in the middle. (In pdmbot.run's
 * test package for its demo-world TestBot.)
 */
class TriageDialogueTest {

    private static final String VERSION = "20231107025611";

    @TempDir
    Path dir;

    private static void failedRun(TestBot bot) {
        assertThat(bot.say("demo fail next " + VERSION).outcome()).isEqualTo(Reply.Outcome.OK);
        bot.say("pdm execute --confirm");
        bot.awaitIdle();
    }

    @Test
    void a_failed_run_starts_its_triage_pre_filled_and_a_second_request_resumes_it() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            failedRun(bot);

            assertThat(bot.announcementTexts()).anyMatch(t -> t.contains("Triage of PDM run #1: `" + VERSION + "`")
                    && t.contains("remove_index_merge_requests_on_merge_jid") && t.contains("statement timeout")
                    && t.contains("ddl_cleanup") && t.contains("database reviewer") && t.contains("dbmaint-")
                    && t.contains("a statement timeout on schema cleanup is safe to retry"));
            Reply again = bot.say("triage");
            assertThat(again.plainText()).contains("already has its triage").contains("Triage of PDM run #1");
            assertThat(bot.bot.triage().service()).isNotNull();
        }
    }

    @Test
    void answers_are_recorded_once_with_who_and_when_and_the_retry_closes_the_triage() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            failedRun(bot);
            // what the untriaged-failure alert and the dashboard read
            assertThat(bot.bot.triage().service().answered(1)).isFalse();
            assertThat(bot.bot.triage().service().openOn(1)).singleElement().asString().startsWith("Run #1 on ").contains("no answer yet");

            assertThat(bot.sayAsGuest("triage answer 1 retry yes").plainText()).contains("Only release managers answer");
            assertThat(bot.bot.triage().service().answered(1)).as("a refused answer is none").isFalse();
            assertThat(bot.sayAsGuest("triage answer 1 support").outcome()).isEqualTo(Reply.Outcome.OK);
            assertThat(bot.bot.triage().service().answered(1)).isTrue();
            assertThat(bot.bot.triage().service().openOn(1)).singleElement().asString().contains("1 answer(s), the last support");
            Reply retry = bot.say("triage answer 1 retry yes");
            assertThat(retry.outcome()).isEqualTo(Reply.Outcome.OK);
            assertThat(retry.plainText()).contains("recorded for " + bot.bot.config().console().user());
            assertThat(bot.say("triage answer 1 retry no").plainText()).contains("was already answered (yes)")
                    .contains("belongs to a finished step");

            assertThat(bot.say("triage answer 1 block yes").plainText()).contains("locked gstg-cny and gprd-cny");
            assertThat(bot.bot.database().stores().locks().lockOf(Environment.GPRD_CNY)).isPresent();
            assertThat(bot.say("triage answer 1 mitigation ddl").plainText()).contains("no-op");
            Reply incident = bot.say("triage answer 1 incident 3");
            assertThat(incident.plainText()).contains("severity::3");
            assertThat(bot.demo().activeIncidents()).anyMatch(i -> i.title().contains(VERSION) && i.severity() == 3);
            assertThat(bot.say("triage answer 1 hand-over @alice").plainText()).contains("Handed over to @alice")
                    .contains("still open: Close");
            assertThat(bot.announcementTexts()).anyMatch(t -> t.startsWith("Hand-over of the triage of PDM run #1 from "
                    + bot.bot.config().console().user() + " to @alice"));
            assertThat(bot.say("triage answer 1 close").plainText()).contains("neither has happened yet");

            bot.say("demo fail clear");
            bot.say("demo incident close");
            bot.say("pdm retry 1 --confirm");
            bot.awaitIdle();

            assertThat(bot.announcementTexts()).anyMatch(t -> t.contains("Triage of PDM run #1") && t.contains("— closed")
                    && t.contains("run #1 was retried and succeeded") && t.contains("@alice"));
            assertThat(bot.bot.database().stores().locks().lockOf(Environment.GPRD_CNY)).isEmpty();
            assertThat(bot.say("triage answer 1 block no").plainText()).contains("is closed");
            assertThat(bot.bot.database().stores().audit().recent(100)).anyMatch(e -> e.command().equals("triage answer retry yes"));
        }
    }

    /**
     * The demo world is GitLab.com's: the bot's instance is gprd's, whose admin API marks gprd's databases only (a
     * mark on db/gstg is refused there, GitLabTriagePortsTest), so this triage is of a failure on db/gprd: a
     * ddl_cleanup pending there only.
     */
    private static final String GPRD_VERSION = "20231106122226";

    @Test
    void a_triage_survives_a_restart_in_the_middle() {
        Path data = dir.resolve("data");
        try (TestBot bot = TestBot.start(TestBot.config(data))) {
            assertThat(bot.say("demo fail next " + GPRD_VERSION).outcome()).isEqualTo(Reply.Outcome.OK);
            bot.say("pdm execute --confirm");
            bot.awaitIdle();
            bot.say("triage answer 1 retry yes");
        }
        try (TestBot again = TestBot.start(TestBot.config(data))) {
            assertThat(again.say("triage answer 1 retry no").plainText()).contains("was already answered (yes)");
            assertThat(again.say("triage answer 1 mitigation dml").plainText()).contains("migrations mark " + GPRD_VERSION + " --database main --env gprd");
            assertThat(again.say("migrations mark " + GPRD_VERSION + " --database main --env gprd").plainText()).contains("Or type");
            assertThat(again.say("migrations mark " + GPRD_VERSION + " --database main --env gprd --confirm").plainText())
                    .contains("Marked `" + GPRD_VERSION + "` on db/gprd (main)").contains("pdm retry 1");
            assertThat(again.say("triage answer 1 close").plainText()).contains("is closed: `" + GPRD_VERSION + "` was marked executed");
        }
    }

    @Test
    void a_demo_deadlock_is_triaged_with_the_deadlock_rule() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            bot.say("demo fail next " + VERSION + " --error deadlock");
            bot.say("pdm execute --confirm");
            bot.awaitIdle();

            assertThat(bot.say("triage run 1").plainText()).contains("deadlock: ").contains("PG::TRDeadlockDetected")
                    .contains("rule \"a deadlock on schema work is safe to retry\"");
        }
    }

    @Test
    void an_unanswered_triage_is_reminded_once_per_period_and_a_snooze_moves_the_next_reminder() {
        TriageTwoInstancesTest.MovableClock clock = new TriageTwoInstancesTest.MovableClock();
        try (TestBot bot = TestBot.start(TestBot.config(dir), clock)) {
            failedRun(bot);
            assertThat(bot.bot.triage().remindDue()).isZero();

            clock.offset.set(java.time.Duration.ofMinutes(31));
            assertThat(bot.bot.triage().remindDue()).isEqualTo(1);
            assertThat(bot.bot.triage().remindDue()).isZero();
            assertThat(bot.announcementTexts()).filteredOn(t -> t.contains("Reminder, release managers")).hasSize(1);

            assertThat(bot.say("triage answer 1 snooze 120").plainText()).contains("snoozed for 120 min");
            clock.offset.set(java.time.Duration.ofMinutes(31 + 61));
            assertThat(bot.bot.triage().remindDue()).isZero();
            clock.offset.set(java.time.Duration.ofMinutes(31 + 121));
            assertThat(bot.bot.triage().remindDue()).isEqualTo(1);
        }
    }
}
