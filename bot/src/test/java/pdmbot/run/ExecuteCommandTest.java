package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.domain.Environment;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;
import pdmbot.config.ChangeLockWindow;
import pdmbot.config.RunConfig;

/** {@code pdm execute} through the chat core of a real bot on the demo world: every check outcome and the happy path. */
class ExecuteCommandTest {

    @TempDir
    Path dir;

    private TestBot bot() {
        return TestBot.start(TestBot.config(dir));
    }

    private static Reply confirmAndWait(TestBot bot) {
        Reply reply = bot.say("pdm execute --confirm");
        bot.awaitIdle();
        return reply;
    }

    @Test
    @DisplayName("'pdm execute --dry-run' lists every check and what would run, and changes nothing")
    void dry_run_lists_checks_and_the_plan_and_changes_nothing() {
        try (TestBot bot = bot()) {
            Reply reply = bot.say("pdm execute --dry-run");

            assertThat(reply.isOk()).isTrue();
            assertThat(reply.plainText()).contains("Dry run", "pending migrations", "staging deployments", "production deployments",
                    "incidents", "change requests", "change lock", "environment locks", "db/gstg", "db/gprd",
                    "Every check passed. Nothing was changed.");
            assertThat(bot.runs().store().recent(5)).isEmpty();
            assertThat(bot.demo().pipelinesStarted("pdm")).isZero();
        }
    }

    @Test
    void the_alias_post_deploy_migrations_execute_works_too() {
        try (TestBot bot = bot()) {
            assertThat(bot.say("post_deploy_migrations execute --dry-run").plainText()).startsWith("Dry run");
        }
    }

    @Test
    void execute_without_confirm_answers_with_the_checks_and_a_danger_button_and_starts_nothing() {
        try (TestBot bot = bot()) {
            Reply reply = bot.say("pdm execute");

            Block.Button button = reply.blocks().stream().filter(b -> b instanceof Block.Buttons)
                    .flatMap(b -> ((Block.Buttons) b).buttons().stream()).findFirst().orElseThrow();
            assertThat(button.command()).isEqualTo("pdm execute --confirm");
            assertThat(button.style()).isEqualTo(Block.Button.Style.DANGER);
            assertThat(button.confirmation()).isNotBlank();
            assertThat(bot.runs().store().recent(5)).isEmpty();
        }
    }

    @Test
    void a_confirmed_run_goes_through_every_step_announcing_each_in_the_run_thread() throws Exception {
        try (TestBot bot = bot()) {
            List<String> pending = bot.demo().pendingVersions();
            Reply reply = confirmAndWait(bot);

            assertThat(reply.plainText()).startsWith("PDM run #1 started by " + bot.bot.config().console().user());
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(bot.runs().store().steps(1)).extracting(StepRecord::state).containsOnly(StepState.SUCCEEDED);
            assertThat(bot.runs().store().steps(1)).extracting(StepRecord::name).containsExactly(
                    "lock", "announce start", "gstg", "qa gstg", "gprd", "unlock", "release note", "announce end");
            List<String> thread = bot.announcements.stream().filter(a -> a.topic().equals("run-1")).map(TestBot.Announcement::text).toList();
            assertThat(thread).hasSize(8);
            assertThat(thread.get(0)).contains("PDM run #1 started by", "db/gstg: main 4, ci 3", "db/gprd: main 8, ci 4");
            // issue 17 item 4: the PDM diff follows the start, one line per migration and database
            assertThat(thread.get(1)).startsWith("PDM run #1: what it runs").contains("*db/gstg main*: 4 post-deploy migrations",
                    "*db/gprd ci*: 4 post-deploy migrations", "db/post_migrate/");
            assertThat(thread.get(thread.size() - 1)).contains("PDM run #1 succeeded in", "19 post-deploy migrations executed");
            assertThat(bot.demo().pendingMigrationsLeft()).isZero();
            assertThat(bot.bot.database().stores().locks().locks()).isEmpty();
            String notes = String.join("\n", bot.demo().releaseNotes());
            assertThat(notes).contains("run #1", "| db/gstg | ci |", "pass — incidents: no active incident");
            assertThat(bot.demo().labelsOfMergeRequestsOf(pending, bot.bot.database().stores().ledger())).isNotEmpty().allSatisfy((mr, labels) ->
                    assertThat(labels).containsAnyOf("workflow::post-deploy-db-staging", "workflow::post-deploy-db-production"));
            assertThat(bot.say("pdm status").plainText()).contains("No PDM run is active", "Last run: run #1 (succeeded");
        }
    }

    @Test
    void the_db_gprd_deployment_records_the_package_on_gprd_the_rollback_line() {
        try (TestBot bot = bot()) {
            String onGprd = bot.bot.ledger().world().deployments().packageOn(Environment.GPRD).orElseThrow().toString();
            confirmAndWait(bot);

            assertThat(bot.demo().deploymentRecords()).filteredOn(d -> d.environment() == Environment.GPRD)
                    .hasSize(2).allSatisfy(d -> assertThat(d.packageVersion()).isEqualTo(onGprd));
            assertThat(bot.say("pdm run 1").plainText()).contains("db/gprd canonical deployment", onGprd);
        }
    }

    @Test
    void with_nothing_pending_the_run_fails_saying_nothing_to_run() {
        try (TestBot bot = bot()) {
            confirmAndWait(bot);

            Reply again = bot.say("pdm execute --confirm");

            assertThat(again.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(again.plainText()).contains("The run failed its checks: nothing to run");
            assertThat(bot.runs().store().run(2).orElseThrow().state()).isEqualTo(RunState.REFUSED);
        }
    }

    @Test
    void a_staging_deployment_running_cancels_the_run_and_names_package_pipeline_and_start() {
        try (TestBot bot = bot()) {
            bot.say("demo deploy start gstg-cny");

            Reply reply = bot.say("pdm execute --confirm");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).containsPattern(
                    "The run is cancelled: a deployment of `[^`]+` is running on gstg-cny \\(deployment \\d+, started at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)");
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.CANCELLED);
            assertThat(bot.demo().pipelinesStarted("pdm")).isZero();
        }
    }

    @Test
    void a_production_deployment_running_fails_the_run_and_names_it() {
        try (TestBot bot = bot()) {
            bot.say("demo deploy start gprd");

            Reply reply = bot.say("pdm execute --confirm");

            assertThat(reply.plainText()).contains("The run failed its checks: a deployment of", "is running on gprd (deployment ");
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.REFUSED);
        }
    }

    @Test
    void an_incident_of_severity_2_fails_the_run_naming_it() {
        try (TestBot bot = bot()) {
            bot.say("demo incident open 2");

            assertThat(bot.say("pdm execute --confirm").plainText()).containsPattern("The run failed its checks: incident gitlab-com/gl-infra/production#\\d+ .*\\(severity 2\\) is active");
        }
    }

    @Test
    void an_incident_marked_as_blocking_deployments_fails_the_run_whatever_its_severity() {
        try (TestBot bot = bot()) {
            bot.say("demo incident open 4 --blocking");

            assertThat(bot.say("pdm execute --confirm").plainText()).contains("The run failed its checks", "severity 4, blocks deployments");
        }
    }

    @Test
    void an_incident_of_severity_3_is_a_warning_and_the_run_goes_on() {
        try (TestBot bot = bot()) {
            bot.say("demo incident open 3");

            Reply reply = bot.say("pdm execute");

            assertThat(reply.isOk()).isTrue();
            assertThat(reply.plainText()).contains("WARNING", "(severity 3) is active", "Checks passed with warnings.");
            confirmAndWait(bot);
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
        }
    }

    @Test
    void a_c2_change_request_in_progress_fails_the_run_naming_it() {
        try (TestBot bot = bot()) {
            bot.say("demo cr open C2");

            assertThat(bot.say("pdm execute --confirm").plainText()).containsPattern("The run failed its checks: change request gitlab-com/gl-infra/production#\\d+ .*\\(C2, in progress\\)");
        }
    }

    @Test
    void a_change_request_labelled_blocking_fails_the_run() {
        try (TestBot bot = bot()) {
            bot.say("demo cr open C4 --blocking");

            assertThat(bot.say("pdm execute --confirm").plainText()).contains("The run failed its checks", "C4, in progress, blocks deployments");
        }
    }

    @Test
    void a_c4_change_request_is_a_warning() {
        try (TestBot bot = bot()) {
            bot.say("demo cr open C4");

            Reply reply = bot.say("pdm execute --dry-run");

            assertThat(reply.plainText()).contains("WARNING", "(C4, in progress)", "Checks passed with warnings.");
        }
    }

    @Test
    void a_production_change_lock_in_force_fails_the_run_saying_until_when() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BotConfig base = TestBot.config(dir);
        BotConfig config = base.withRun(new RunConfig("ask", 0, null, null, List.of(
                new ChangeLockWindow("Year-end freeze", now.minusSeconds(3600).toString(),
                        "2099-01-04T08:00:00Z", "reduced staffing")), null, null));
        try (TestBot bot = TestBot.start(config)) {
            assertThat(bot.say("pdm execute --confirm").plainText()).contains(
                    "production change lock \"Year-end freeze\" is in force until 2099-01-04 08:00 UTC (reduced staffing)");
        }
    }

    @Test
    void a_locked_environment_fails_the_run_naming_who_locked_it_and_why() {
        try (TestBot bot = bot()) {
            assertThat(bot.say("pdm lock gprd database maintenance").isOk()).isTrue();

            Reply reply = bot.say("pdm execute --confirm");

            assertThat(reply.plainText()).contains("gprd is locked by " + bot.bot.config().console().user()
                    + " (database maintenance) until unlocked");
        }
    }

    @Test
    void a_second_execute_while_a_run_is_active_answers_who_runs_it() {
        try (TestBot bot = bot()) {
            bot.demo().failNext("qa");
            confirmAndWait(bot);

            Reply reply = bot.say("pdm execute --confirm");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("A PDM run is already active: run #1 (failed, started by "
                    + bot.bot.config().console().user(), "It failed at step qa gstg: `pdm retry 1` resumes it.");
        }
    }

    @Test
    void pdm_runs_lists_the_runs_newest_first() {
        try (TestBot bot = bot()) {
            bot.say("demo deploy start gstg");
            bot.say("pdm execute --confirm");
            bot.say("demo deploy finish gstg");
            confirmAndWait(bot);

            String runs = bot.say("pdm runs").plainText();

            assertThat(runs).containsSubsequence("#2", "succeeded", "#1", "cancelled");
        }
    }
}
