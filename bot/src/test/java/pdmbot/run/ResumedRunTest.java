package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.BotConfig;
import pdmbot.domain.Environment;
import pdmbot.storage.Database;
import pdmbot.storage.StorageSettings;
import pdmbot.storage.runs.AttemptState;
import pdmbot.storage.runs.RunAttempt;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.StepRecord;

/**
 * A run resumed after a stop passes the checks of that moment before it changes an environment (issue 10 item 1);
 * a run keeps the steps it was stored with when the configured steps change (issue 11 item 3); and a read-only
 * command from a one-shot {@code say} never resumes a run (issue 11 item 7).
 */
class ResumedRunTest {

    @TempDir
    Path dir;

    private Database openStore() {
        return Database.open(StorageSettings.h2(dir.resolve("store")));
    }

    @Test
    void a_run_resumed_after_a_crash_is_stopped_by_the_checks_of_that_moment_before_its_next_migrations() {
        Faults faults = new Faults();
        List<String> announcements = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        try (Database store = openStore()) {
            try (RunHarness first = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
                faults.crashBefore("QaPipelines.startQa");
                first.say("pdm execute --confirm");
                first.awaitIdle();
                assertThat(first.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.RUNNING);
            }
            try (RunHarness restarted = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
                restarted.simulated.control().openIncident(1, false);
                restarted.runs.pickUpUnfinished(true);
                restarted.awaitIdle();

                assertThat(restarted.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.FAILED);
                assertThat(restarted.runs.currentStep(1).map(StepRecord::name)).contains("gprd");
                assertThat(restarted.runs.store().run(1).orElseThrow().outcome())
                        .contains("stop the resumed run before gprd", "severity 1");
                assertThat(restarted.simulated.pipelinesStarted("pdm")).as("gstg only; nothing on gprd").isEqualTo(1);
                assertThat(restarted.runs.store().executed(1)).allMatch(m -> m.environment() == Environment.GSTG);
                RunAttempt resumed = restarted.runs.store().attempts(1).get(1);
                assertThat(resumed.startedBy()).isEqualTo("instance-1 (resumed after a stop)");
                assertThat(resumed.state()).isEqualTo(AttemptState.FAILED);
                assertThat(resumed.checks()).contains("FAIL — incidents:");
            }
        }
    }

    @Test
    void a_run_stored_before_a_step_was_added_to_the_configuration_resumes_with_its_own_steps() {
        Faults faults = new Faults();
        List<String> announcements = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        try (Database store = openStore()) {
            try (RunHarness before = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
                before.simulated.failNext("qa");
                before.say("pdm execute --confirm");
                before.awaitIdle();
            }
            // The configuration now runs QA against gprd too: a step inserted before unlock, after gprd.
            RunPlan more = RunPlan.of(List.of(new RunPlan.Target(Environment.GSTG, true, false),
                    new RunPlan.Target(Environment.GPRD, true, false)));
            try (RunHarness after = RunHarness.open(dir, store, faults, "instance-1", announcements, notes,
                    java.time.Duration.ofMinutes(5), more)) {
                assertThat(after.say("pdm retry 1 --confirm").plainText()).startsWith("Resuming run #1 from step qa gstg (attempt 2)");
                after.awaitIdle();

                assertThat(after.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
                assertThat(after.runs.store().steps(1)).extracting(StepRecord::name).containsExactly(
                        "lock", "announce start", "gstg", "qa gstg", "gprd", "unlock", "release note", "announce end");
                assertThat(after.simulated.pipelinesStarted("qa")).isEqualTo(2);
                assertThat(more.steps()).extracting(RunStep::id).containsExactly(
                        "lock", "announce start", "gstg", "qa gstg", "gprd", "qa gprd", "unlock", "release note", "announce end");
                assertThat(more.stepsLine()).isEqualTo("lock gstg and gprd → gstg → QA on gstg → gprd → QA on gprd → unlock → release note");
            }
        }
    }

    @Test
    void read_only_commands_from_a_one_shot_say_never_resume_a_run_but_a_serving_bot_does() throws Exception {
        BotConfig base = TestBot.config(dir);
        BotConfig resume = new BotConfig(base.data(), base.store(), base.world(), base.roles(), base.console(), base.rules(),
                base.http(), base.slack(), base.discord(), new BotConfig.Run("resume", 0, null, null, List.of()));
        try (TestBot bot = TestBot.start(resume)) {
            bot.say("demo fail next qa");
            bot.say("pdm execute --confirm");
            bot.awaitIdle();
            // as a crash leaves it: running, owned by this data folder's instance
            String me = Files.readString(dir.resolve("instance-id")).trim();
            assertThat(bot.runs().store().takeOver(1, me, java.time.Instant.now())).isTrue();
        }
        try (TestBot say = TestBot.startForSay(resume)) {
            for (String command : List.of("pdm status", "pdm runs", "pdm run 1")) assertThat(say.say(command).isOk()).isTrue();
            say.awaitIdle();

            assertThat(say.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.RUNNING);
            assertThat(say.runs().store().attempts(1)).hasSize(1);
            assertThat(say.announcementTexts()).noneMatch(t -> t.contains("Resuming PDM run #1"));
        }
        try (TestBot serving = TestBot.start(resume)) {
            serving.awaitIdle();

            assertThat(serving.announcementTexts()).anyMatch(t -> t.contains("Resuming PDM run #1"));
            assertThat(serving.runs().store().attempts(1)).hasSize(2);
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("issue 13: retrying an interrupted run says why it stopped and which attempt goes on, as its keys do")
    void retrying_an_interrupted_run_says_why_it_stopped_and_goes_on_in_the_attempt_its_effect_keys_carry() {
        Faults faults = new Faults();
        List<String> announcements = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        try (Database store = openStore()) {
            try (RunHarness first = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
                faults.crashBefore("PipelineRunner.status");
                first.say("pdm execute --confirm");
                first.awaitIdle();
            }
            try (RunHarness restarted = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
                String asked = restarted.say("pdm retry 1").plainText();
                assertThat(asked).contains("Run #1 stopped at step gstg: it was interrupted: its instance instance-1 stopped"
                        + " before the step ended (last heard of at ");
                assertThat(asked).doesNotContainPattern("stopped at step gstg: *(\\.|\\n|$)");

                assertThat(restarted.say("pdm retry 1 --confirm").plainText()).startsWith(
                        "Resuming run #1 from step gstg (continuing attempt 1 of the step, interrupted when its instance stopped)");
                restarted.awaitIdle();

                assertThat(restarted.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
                assertThat(restarted.runs.store().effects(1)).extracting(e -> e.key())
                        .contains("gstg/attempt-1/pipeline").noneMatch(k -> k.startsWith("gstg/attempt-2"));
                assertThat(restarted.say("pdm run 1").plainText()).containsPattern("gstg\\s+succeeded\\s+1\\s");
            }
        }
    }

    @Test
    void a_retry_of_a_failed_step_is_attempt_2_in_the_reply_the_steps_and_the_effect_keys() {
        Faults faults = new Faults();
        try (Database store = openStore(); RunHarness bot = RunHarness.open(dir, store, faults)) {
            bot.simulated.failNext("qa");
            bot.say("pdm execute --confirm");
            bot.awaitIdle();

            assertThat(bot.say("pdm retry 1 --confirm").plainText()).startsWith("Resuming run #1 from step qa gstg (attempt 2)");
            bot.awaitIdle();

            assertThat(bot.runs.store().effects(1)).extracting(e -> e.key()).contains("qa/attempt-1/pipeline", "qa/attempt-2/pipeline");
            assertThat(bot.say("pdm run 1").plainText()).containsPattern("qa gstg\\s+succeeded\\s+2\\s");
        }
    }
}
