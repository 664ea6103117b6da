package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.storage.audit.AuditEntry;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.world.PendingMigration;

/** A failing migration and its retry, the other run commands, and what they refuse. */
class RunCommandsTest {

    @TempDir
    Path dir;

    private TestBot bot() {
        return TestBot.start(TestBot.config(dir));
    }

    private static Block.Button onlyButton(Reply reply) {
        return reply.blocks().stream().filter(b -> b instanceof Block.Buttons)
                .flatMap(b -> ((Block.Buttons) b).buttons().stream()).findFirst().orElseThrow();
    }

    @Test
    void a_failing_migration_fails_the_run_at_its_step_keeps_the_locks_and_a_confirmed_retry_finishes_it() {
        try (TestBot bot = bot()) {
            var world = bot.bot.ledger().world();
            // the second migration pending on gprd: gstg runs, QA passes, and gprd fails part-way
            PendingMigration victim = new pdmbot.world.PendingMigrations(world.packages(), world.deployments(), world.databases(),
                    ClassifiedDatabases.builtIn(world.packages()))
                    .pendingOn(Environment.GPRD).get(1);
            String version = victim.migration().version();
            assertThat(bot.say("demo fail next " + version).plainText()).contains("fails there");

            bot.say("pdm execute --confirm");
            bot.awaitIdle();

            RunRecord run = bot.runs().store().run(1).orElseThrow();
            assertThat(run.state()).isEqualTo(RunState.FAILED);
            assertThat(bot.runs().currentStep(1).orElseThrow().name()).isEqualTo("gprd");
            String failure = bot.announcementTexts().stream().filter(t -> t.contains("failed at step")).findFirst().orElseThrow();
            assertThat(failure).contains("PDM run #1 failed at step gprd", version, victim.migration().name(),
                    "statement timeout", "gstg and gprd stay locked", "never retried automatically", "`pdm retry 1`");
            assertThat(bot.bot.database().stores().locks().locks()).extracting(l -> l.environment())
                    .containsExactly(Environment.GSTG, Environment.GPRD);
            assertThat(bot.demo().deploymentRecords()).filteredOn(d -> d.environment() == Environment.GPRD)
                    .allSatisfy(d -> assertThat(bot.demo().statusOf(d.id())).contains("failed"));
            assertThat(bot.demo().pipelinesStarted("pdm")).as("not retried automatically").isEqualTo(2);

            Reply ask = bot.say("pdm retry 1");
            assertThat(onlyButton(ask).command()).isEqualTo("pdm retry 1 --confirm");
            assertThat(onlyButton(ask).style()).isEqualTo(Block.Button.Style.DANGER);
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.FAILED);

            assertThat(bot.say("pdm retry 1 --confirm").plainText()).isEqualTo(
                    "Resuming run #1 from step gprd (attempt 2), asked by " + bot.bot.config().console().user() + ".");
            bot.awaitIdle();

            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(bot.demo().pendingMigrationsLeft()).isZero();
            assertThat(bot.bot.database().stores().locks().locks()).isEmpty();
            assertThat(bot.demo().pipelinesStarted("pdm")).isEqualTo(3);
            String detail = bot.say("pdm run 1").plainText();
            assertThat(detail).contains("PDM run #1 — succeeded").containsPattern("gprd\\s+succeeded\\s+2");
        }
    }

    @Test
    void a_failing_qa_pipeline_fails_the_run_at_qa_and_a_retry_starts_a_new_one() {
        try (TestBot bot = bot()) {
            bot.say("demo fail next qa");
            bot.say("pdm execute --confirm");
            bot.awaitIdle();
            assertThat(bot.runs().currentStep(1).orElseThrow().name()).isEqualTo("qa gstg");

            bot.say("pdm retry 1 --confirm");
            bot.awaitIdle();

            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(bot.demo().pipelinesStarted("qa")).isEqualTo(2);
        }
    }

    @Test
    void someone_who_is_not_a_release_manager_cannot_execute_retry_lock_or_unlock_and_is_audited() {
        try (TestBot bot = bot()) {
            for (String command : List.of("pdm execute --confirm", "pdm execute --dry-run", "pdm retry 1 --confirm",
                    "pdm lock gprd because", "pdm unlock gprd --confirm")) {
                Reply reply = bot.sayAsGuest(command);
                assertThat(reply.outcome()).as(command).isEqualTo(Reply.Outcome.REFUSED);
                assertThat(reply.plainText()).as(command).contains("is for release managers");
            }
            assertThat(bot.runs().store().recent(5)).isEmpty();
            assertThat(bot.bot.database().stores().locks().locks()).isEmpty();
            List<AuditEntry> audit = new ArrayList<>(bot.bot.database().stores().audit().recent(10));
            assertThat(audit).filteredOn(e -> e.userId().equals("U0GUEST")).hasSize(5)
                    .allSatisfy(e -> assertThat(e.outcome()).isEqualTo("refused"));
        }
    }

    @Test
    void everyone_may_ask_for_status_runs_and_a_run() {
        try (TestBot bot = bot()) {
            assertThat(bot.sayAsGuest("pdm status").isOk()).isTrue();
            assertThat(bot.sayAsGuest("pdm runs").plainText()).contains("No PDM run yet");
        }
    }

    @Test
    void pdm_run_of_an_unknown_run_says_there_is_none() {
        try (TestBot bot = bot()) {
            Reply reply = bot.say("pdm run 999");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).isEqualTo("There is no run #999 (there is none yet); `pdm runs` lists them.");
            assertThat(bot.say("pdm run abc").plainText()).contains("\"abc\" is not a run number", "Usage: `pdm run <id>`");
        }
    }

    @Test
    void retrying_a_run_that_is_not_failed_is_refused() {
        try (TestBot bot = bot()) {
            bot.say("pdm execute --confirm");
            bot.awaitIdle();

            assertThat(bot.say("pdm retry 1 --confirm").plainText()).isEqualTo(
                    "Run #1 is succeeded; only a failed or interrupted run can be retried.");
            assertThat(bot.say("pdm retry 7").plainText()).contains("There is no run #7");
        }
    }

    @Test
    void locking_an_unknown_environment_is_refused_with_the_known_ones() {
        try (TestBot bot = bot()) {
            Reply reply = bot.say("pdm lock mars");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("unknown environment \"mars\"; expected one of gstg-cny, gstg, gprd-cny, gprd");
        }
    }

    @Test
    void a_lock_names_its_holder_and_a_second_lock_is_refused() {
        try (TestBot bot = bot()) {
            assertThat(bot.say("pdm lock gstg qa is broken").plainText()).contains("gstg is now locked by");

            Reply again = bot.say("pdm lock gstg me too");

            assertThat(again.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(again.plainText()).contains("gstg is locked by", "(qa is broken)");
            assertThat(bot.say("pdm status").plainText()).contains("Locks: gstg is locked by");
        }
    }

    @Test
    void unlocking_needs_a_confirmation() {
        try (TestBot bot = bot()) {
            bot.say("pdm lock gprd maintenance");

            Reply ask = bot.say("pdm unlock gprd");
            assertThat(onlyButton(ask).command()).isEqualTo("pdm unlock gprd --confirm");
            assertThat(bot.bot.database().stores().locks().lockOf(Environment.GPRD)).isPresent();

            assertThat(bot.say("pdm unlock gprd --confirm").plainText()).startsWith("gprd is unlocked");
            assertThat(bot.bot.database().stores().locks().lockOf(Environment.GPRD)).isEmpty();
            assertThat(bot.say("pdm unlock gprd").plainText()).isEqualTo("gprd is not locked; nothing to do.");
        }
    }

    @Test
    void unknown_options_and_extra_words_are_refused_with_the_usage() {
        try (TestBot bot = bot()) {
            assertThat(bot.say("pdm execute --force").plainText()).contains("unknown option --force", "Usage: `pdm execute");
            assertThat(bot.say("pdm execute now").plainText()).contains("too many words: now");
        }
    }
}
