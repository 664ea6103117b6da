package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;

/** rollback check, pdm execute --only, and the decisions in pdm status and migration explain, through the chat core. */
class DecideCommandsTest {

    @TempDir
    static Path data;
    private static DecideBot bot;

    @BeforeAll
    static void start() {
        bot = DecideBot.start(data);
        bot.say("demo clock 2026-12-01 14:00");
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void rollback_check_lists_the_targets_from_the_line_to_the_current_package_and_what_a_run_cuts_off() {
        String reply = bot.text("rollback check");

        assertThat(reply).startsWith("Rollback on gprd — runs `16.7.202311090620-66b715d55af.")
                // the demo world on the GitLab emulator (its db/gprd deployments and omnibus shas); a migration run on
                // one database and pending on the other has run: 070140 and 070840 are behind the line
                .contains("It can roll back to 8 packages: those at or after `16.7.202311071420-c9c46291df5.e4a6ee86a9b`")
                .contains("the rollback line").contains("runs now")
                .contains("`16.7.202311070140-3bb0b14be1e.c8e7c2ef991`: older than the rollback line")
                .contains("`16.7.202311061900-d4dfd4c3588.3e8fd34e749`: older than the rollback line")
                .contains("A PDM run now would cut off `16.7.202311071420-c9c46291df5.e4a6ee86a9b`")
                .contains("afterwards gprd could not roll back at all");
    }

    @Test
    void rollback_check_of_one_target_says_whether_a_run_would_cut_it_off() {
        assertThat(bot.text("rollback check gstg --target 16.7.202311081600-cc4eece537d.1f2660ae298"))
                .startsWith("gstg can roll back to `16.7.202311081600-cc4eece537d.1f2660ae298`; a PDM run now would cut it off");
        // the line deploy --rollback refuses behind (the same line, one answer)
        assertThat(bot.text("rollback check gprd --target 16.7.202311070140-3bb0b14be1e.c8e7c2ef991"))
                .startsWith("gprd cannot roll back to `16.7.202311070140-3bb0b14be1e.c8e7c2ef991`: older than the rollback line "
                        + "`16.7.202311071420-c9c46291df5.e4a6ee86a9b`");
        assertThat(bot.text("rollback check gprd --target 16.7.202311061900-d4dfd4c3588.3e8fd34e749"))
                .startsWith("gprd cannot roll back to `16.7.202311061900-d4dfd4c3588.3e8fd34e749`: older than the rollback line");
    }

    @Test
    void rollback_check_of_an_unknown_package_or_environment_says_what_it_expected() {
        assertThat(bot.text("rollback check gprd --target 16.7.202311070140-3bb0b14be1e.c8e7c2ef99"))
                .contains("did you mean `16.7.202311070140-3bb0b14be1e.c8e7c2ef991`?");
        assertThat(bot.text("rollback check gbrd")).contains("unknown environment \"gbrd\"; expected gstg or gprd");
    }

    @Test
    void execute_only_a_nature_lists_its_migrations_in_version_order_with_their_decision() {
        String reply = bot.text("pdm execute --only sidekiq_only --dry-run");

        assertThat(reply).startsWith("Dry run: `--only sidekiq_only` runs 4 migrations, in version order")
                .contains("gprd sidekiq_only: RUN_NOW — a nature allowed on working days may run at any working-day hour")
                .contains("Nothing was changed.");
        assertThat(reply.indexOf("20231106180117")).isLessThan(reply.indexOf("20231107035713"));
    }

    @Test
    void execute_only_refuses_a_subset_that_runs_a_migration_before_an_earlier_one_on_its_table_naming_both() {
        Reply reply = bot.say("pdm execute --only 20231107025611 --dry-run");

        assertThat(reply.isOk()).isFalse();
        assertThat(reply.plainText()).contains("gprd: RemoveIndexMergeRequestsOnMergeJid (20231107025611) would run before"
                + " PrepareAsyncIndexMergeRequestsOnAuthorIdAndCreatedAt (20231106180117), pending earlier on merge_requests");
    }

    @Test
    void execute_only_accepts_the_subset_once_the_earlier_migration_is_chosen_too() {
        assertThat(bot.say("pdm execute --only 20231106180117,20231107025611 --dry-run").isOk()).isTrue();
    }

    @Test
    void execute_only_an_unknown_nature_suggests_the_closest() {
        Reply reply = bot.say("pdm execute --only sidekiq_onyl");

        assertThat(reply.isOk()).isFalse();
        assertThat(reply.plainText()).contains("\"sidekiq_onyl\" is neither a nature (").contains("(did you mean sidekiq_only?)");
    }

    @Test
    void status_shows_each_groups_decision_and_its_reasons() {
        assertThat(bot.text("pdm status")).contains("Decisions (`pdm schedule` has the windows and costs):")
                .contains("gprd large_index_or_fk: WAIT_UNTIL Wed 2026-12-02 01:00 UTC — a deploy expected during the predicted run"
                        + " holds back a nature that needs a deploy gap")
                .contains("gprd finalize_background: BLOCKED — finalize_background waits while its batched background migration is unfinished");
    }

    @Test
    void explain_shows_the_decision_of_the_group_the_migration_is_pending_in() {
        assertThat(bot.text("migration explain 20231105164819")).contains("Run decision:")
                .contains("gprd large_index_or_fk: WAIT_UNTIL Wed 2026-12-02 01:00 UTC");
    }
}
