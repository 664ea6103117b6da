package pdmbot.promote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.storage.promotions.Promotion;
import pdmbot.storage.promotions.PromotionState;
import pdmbot.world.AutoDeployPackage;

/** {@code deploy <package|sha> to <env>} through the chat core of a real bot on the demo world (issue 16). */
class DeployCommandTest {

    @TempDir
    Path dir;

    private static Block.Button button(Reply reply) {
        return reply.blocks().stream().filter(b -> b instanceof Block.Buttons)
                .flatMap(b -> ((Block.Buttons) b).buttons().stream()).findFirst().orElseThrow();
    }

    @Test
    void a_commit_that_does_not_descend_from_production_is_refused_with_both_shas_the_missing_commits_and_the_nearest_package() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            String diverged = bot.divergedSha();
            AutoDeployPackage gprd = bot.on(Environment.GPRD);

            Reply reply = bot.say("deploy " + diverged + " to gprd");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("descendant of production: `" + diverged + "` does not descend from "
                            + gprd.commitSha() + ", what gprd runs now", diverged, gprd.commitSha(),
                    "Production has 5 commits the candidate lacks", "Add namespace_storage_limit feature flag",
                    "Nearest package that descends from production: `");
            assertThat(bot.bot.database().stores().promotions().recent(5)).isEmpty();
        }
    }

    @Test
    void the_override_never_lifts_the_descendant_guard() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            Reply reply = bot.say("deploy " + bot.divergedSha() + " to gprd --confirm --ignore-production-checks \"outage\"");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("(--ignore-production-checks does not lift this guard)");
            assertThat(bot.bot.database().stores().promotions().recent(5)).isEmpty();
        }
    }

    @Test
    void a_package_that_has_not_reached_the_environment_before_is_refused() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            AutoDeployPackage canary = bot.on(Environment.GSTG_CNY);

            Reply reply = bot.say("deploy " + canary.version() + " to gprd");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("order: `" + canary.version() + "` has not reached gprd-cny");
        }
    }

    @Test
    void without_confirm_the_reply_shows_the_guards_the_migrations_it_brings_and_a_danger_button_and_deploys_nothing() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            AutoDeployPackage staging = bot.on(Environment.GSTG);

            Reply reply = bot.say("deploy " + staging.version() + " to gprd");

            assertThat(reply.isOk()).isTrue();
            assertThat(reply.plainText()).contains("Guards passed — confirm deploying", "descendant of production",
                    "that will then be pending on db/gprd", "large_index_or_fk", "ddl_cleanup");
            Block.Button button = button(reply);
            assertThat(button.command()).isEqualTo("deploy " + staging.version() + " to gprd --confirm");
            assertThat(button.style()).isEqualTo(Block.Button.Style.DANGER);
            assertThat(bot.bot.database().stores().promotions().recent(5)).isEmpty();
            assertThat(bot.bot.database().stores().locks().lockOf(Environment.GPRD)).isEmpty();
        }
    }

    @Test
    void a_confirmed_deploy_locks_gprd_against_pdm_runs_announces_start_and_end_in_one_thread_and_records_it() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            AutoDeployPackage staging = bot.on(Environment.GSTG);

            Reply started = bot.say("deploy " + staging.version() + " to gprd --confirm");

            assertThat(started.plainText()).startsWith("Deploy #1 of `" + staging.version() + "` to gprd started by");
            assertThat(bot.bot.database().stores().locks().lockOf(Environment.GPRD)).get()
                    .satisfies(l -> assertThat(l.lockedBy()).isEqualTo("deploy #1"));
            assertThat(bot.say("pdm execute --dry-run").plainText()).contains("gprd is locked by deploy #1");

            Reply status = bot.say("deploy status");

            assertThat(status.plainText()).contains("#1 `" + staging.version() + "` to gprd by", "succeeded");
            assertThat(bot.on(Environment.GPRD)).isEqualTo(staging);
            assertThat(bot.bot.database().stores().locks().lockOf(Environment.GPRD)).isEmpty();
            Promotion p = bot.bot.database().stores().promotions().promotion(1).orElseThrow();
            assertThat(p.state()).isEqualTo(PromotionState.SUCCEEDED);
            assertThat(bot.announcements).extracting(PromotionBot.Announcement::topic).containsOnly("promotion-1");
            assertThat(bot.announcementTexts()).hasSize(2);
            assertThat(bot.announcementTexts().get(0)).startsWith("Deploying `" + staging.version() + "` to gprd (deploy #1");
            assertThat(bot.announcementTexts().get(1)).startsWith("Deploy #1 succeeded").contains("gprd is unlocked");

            bot.say("deploy status");
            assertThat(bot.announcementTexts()).as("the end is announced once").hasSize(2);
        }
    }

    @Test
    void a_second_deploy_to_an_environment_being_deployed_is_refused_naming_the_first() {
        // the demo's deployer pipeline moves at the emulator's pace: an hour a step keeps deploy #1 going
        try (PromotionBot bot = PromotionBot.start(dir, "run:\n  demo-seconds-per-migration: 3600\n")) {
            AutoDeployPackage staging = bot.on(Environment.GSTG);
            bot.say("deploy " + staging.version() + " to gprd --confirm");

            Reply second = bot.say("deploy " + staging.version() + " to gprd --confirm");

            assertThat(second.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(second.plainText()).contains("gprd is locked by deploy #1");
            assertThat(bot.bot.database().stores().promotions().recent(5)).hasSize(1);
            assertThat(bot.say("deploy status").plainText()).contains("#1 `" + staging.version() + "` by");
        }
    }

    @Test
    void a_rollback_at_or_after_the_rollback_line_passes_and_says_what_it_means_for_the_line() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            List<AutoDeployPackage> packages = bot.packages();
            AutoDeployPackage line = packages.get(PromotionBot.ROLLBACK_LINE_INDEX);
            AutoDeployPackage back = packages.get(PromotionBot.ROLLBACK_LINE_INDEX + 2);

            Reply reply = bot.say("deploy " + back.version() + " to gprd --rollback");

            assertThat(reply.isOk()).isTrue();
            assertThat(reply.plainText()).contains("the one legitimate backwards move",
                    "keeps the rollback line at `" + line.version() + "`", "stop being pending while it runs");
            assertThat(button(reply).command()).endsWith("--confirm --rollback");

            bot.say("deploy " + back.version() + " to gprd --confirm --rollback");
            bot.say("deploy status");
            assertThat(bot.on(Environment.GPRD)).isEqualTo(back);
        }
    }

    @Test
    void a_rollback_behind_the_rollback_line_is_refused() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            AutoDeployPackage behind = bot.packages().get(PromotionBot.ROLLBACK_LINE_INDEX - 1);

            Reply reply = bot.say("deploy " + behind.version() + " to gprd --rollback --ignore-production-checks \"please\"");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("rollback line: `" + behind.version() + "` is older than the rollback line `"
                    + bot.packages().get(PromotionBot.ROLLBACK_LINE_INDEX).version() + "`");
        }
    }

    @Test
    void rollback_check_and_deploy_rollback_give_one_answer_on_both_sides_of_the_line() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            List<AutoDeployPackage> packages = bot.packages();
            int line = PromotionBot.ROLLBACK_LINE_INDEX;
            // the package just behind the line, the line, and the one after it
            for (int i : new int[] {line - 1, line, line + 1}) {
                AutoDeployPackage p = packages.get(i);
                String check = bot.say("rollback check gprd --target " + p.version()).plainText();
                String deploy = bot.say("deploy " + p.version() + " to gprd --rollback").plainText();

                assertThat(check).as("rollback check of package %d", i).startsWith(i < line ? "gprd cannot roll back" : "gprd can roll back");
                assertThat(deploy.contains("is older than the rollback line")).as("deploy %s --rollback:%n%s%nrollback check:%n%s",
                        p.version(), deploy, check).isEqualTo(i < line);
            }
        }
    }

    @Test
    void an_older_package_without_rollback_is_refused_as_not_descending() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            AutoDeployPackage back = bot.packages().get(PromotionBot.ROLLBACK_LINE_INDEX + 2);

            Reply reply = bot.say("deploy " + back.version() + " to gprd");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("descendant of production: `" + back.version() + "`");
        }
    }

    @Test
    void the_override_lets_a_production_deploy_through_an_incident_and_is_recorded_with_its_reason() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            AutoDeployPackage staging = bot.on(Environment.GSTG);
            bot.say("demo incident open 1");
            assertThat(bot.say("deploy " + staging.version() + " to gprd").plainText()).contains("incidents: incident");

            Reply reply = bot.say("deploy " + staging.version() + " to gprd --confirm --ignore-production-checks \"the fix for the incident\"");

            assertThat(reply.isOk()).as(reply.plainText()).isTrue();
            Promotion p = bot.bot.database().stores().promotions().promotion(1).orElseThrow();
            assertThat(p.overrideReason()).contains("the fix for the incident");
            assertThat(bot.announcementTexts().get(0)).contains("Production checks overridden: \"the fix for the incident\"");
        }
    }

    @Test
    void an_override_without_a_reason_is_a_usage_error() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            Reply reply = bot.say("deploy " + bot.on(Environment.GSTG).version() + " to gprd --ignore-production-checks \" \"");

            assertThat(reply.isOk()).isFalse();
            assertThat(reply.plainText()).contains("needs a reason");
        }
    }

    @Test
    void only_release_managers_may_deploy_but_everyone_may_ask_the_status() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            assertThat(bot.sayAsGuest("deploy " + bot.on(Environment.GSTG).version() + " to gprd").outcome())
                    .isEqualTo(Reply.Outcome.REFUSED);
            assertThat(bot.sayAsGuest("deploy status").isOk()).isTrue();
        }
    }

    @Test
    void an_environment_outside_the_chain_is_refused_naming_the_chain() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            Reply reply = bot.say("deploy " + bot.on(Environment.GSTG).version() + " to production");

            assertThat(reply.outcome()).isEqualTo(Reply.Outcome.REFUSED);
            assertThat(reply.plainText()).contains("gstg-cny → gstg → gprd-cny → gprd");
        }
    }

    @Test
    void deploy_status_shows_what_each_environment_of_the_chain_runs() {
        try (PromotionBot bot = PromotionBot.start(dir)) {
            Reply reply = bot.say("deploy status");

            assertThat(reply.plainText()).contains("gstg-cny", "gprd (production)", "`" + bot.on(Environment.GPRD).version() + "`");
        }
    }
}
