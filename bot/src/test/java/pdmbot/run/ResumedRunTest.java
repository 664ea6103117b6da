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
                restarted.simulated.openIncident(1, false);
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
}
