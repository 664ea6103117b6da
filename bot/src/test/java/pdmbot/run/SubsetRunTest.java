package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunState;

/** Issue 14: {@code pdm execute --only} runs its subset, through chat commands on the demo world, and nothing else. */
class SubsetRunTest {

    /** The demo world's pending sidekiq_only migrations (DecideCommandsTest: 4 of them over gstg and gprd). */
    private static final Set<String> SIDEKIQ_ONLY = Set.of("20231106180117", "20231107035713");

    @TempDir
    Path dir;

    @Test
    void execute_only_without_confirm_answers_with_the_checks_the_subset_and_a_danger_button_and_starts_nothing() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            Reply reply = bot.say("pdm execute --only sidekiq_only");

            assertThat(reply.plainText()).startsWith("Production checks passed — confirm the PDM run of `--only sidekiq_only`: 4 migrations")
                    .contains("pending migrations", "20231106180117", "Every other pending migration stays pending.");
            Block.Button button = reply.blocks().stream().filter(b -> b instanceof Block.Buttons)
                    .flatMap(b -> ((Block.Buttons) b).buttons().stream()).findFirst().orElseThrow();
            assertThat(button.command()).isEqualTo("pdm execute --only sidekiq_only --confirm");
            assertThat(button.style()).isEqualTo(Block.Button.Style.DANGER);
            assertThat(bot.runs().store().recent(5)).isEmpty();
        }
    }

    @Test
    void a_confirmed_subset_runs_only_its_migrations_says_so_everywhere_and_leaves_the_rest_pending() throws Exception {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            String before = bot.say("pdm status").plainText();
            Reply started = bot.say("pdm execute --only sidekiq_only --confirm");
            bot.awaitIdle();

            assertThat(started.plainText()).startsWith("PDM run #1 started by")
                    .contains("Limited to `--only sidekiq_only`: 4 migrations; every other pending migration stays pending.");
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            List<ExecutedMigration> executed = bot.runs().store().executed(1);
            assertThat(executed).isNotEmpty().allSatisfy(m -> assertThat(SIDEKIQ_ONLY).contains(m.version()));
            assertThat(executed).extracting(ExecutedMigration::environment).contains(Environment.GSTG, Environment.GPRD);
            assertThat(bot.runs().store().scope(1).orElseThrow().only()).isEqualTo("--only sidekiq_only");

            String status = bot.say("pdm status").plainText();
            assertThat(before).contains("prepare_async_index_merge_requests_on_author_id_and_created_at");
            assertThat(status).doesNotContain("prepare_async_index_merge_requests_on_author_id_and_created_at",
                            "queue_backfill_merge_request_diffs_project_id")
                    .contains("remove_index_merge_requests_on_merge_jid", "update_issues_work_item_type_for_incidents")
                    .doesNotContain("Pending — db/gstg main: 0, db/gstg ci: 0, db/gprd main: 0, db/gprd ci: 0.");
            assertThat(bot.say("migration status 20231107025611").plainText()).contains("pending");

            List<String> thread = bot.announcements.stream().filter(a -> a.topic().equals("run-1")).map(TestBot.Announcement::text).toList();
            assertThat(thread.get(0)).contains("Limited to `--only sidekiq_only`; it runs — db/gstg:");
            assertThat(thread).anyMatch(t -> t.startsWith("Running") && t.contains("on db/gprd") && t.contains("Limited to `--only sidekiq_only`."));
            assertThat(thread).anyMatch(t -> t.contains("No db/gprd deployment was recorded: the run is limited to a subset"));
            assertThat(thread.get(thread.size() - 1)).contains("succeeded", "Limited to `--only sidekiq_only`.");
            assertThat(String.join("\n", bot.demo().releaseNotes())).contains("Limited to `--only sidekiq_only`: db/gstg 20231106180117",
                    "every other pending migration stays pending");
            String run = bot.say("pdm run 1").plainText();
            assertThat(run).contains("Limited to `--only sidekiq_only`: db/gstg ", "db/gprd 20231106180117, 20231107035713")
                    .doesNotContain("db/gprd canonical deployment");
        }
    }

    @Test
    void a_subset_that_runs_a_migration_before_an_earlier_one_on_its_table_is_refused_naming_both_and_nothing_runs() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            Reply reply = bot.say("pdm execute --only 20231107025611 --confirm");
            bot.awaitIdle();

            assertThat(reply.isOk()).isFalse();
            assertThat(reply.plainText()).contains("RemoveIndexMergeRequestsOnMergeJid (20231107025611) would run before"
                    + " PrepareAsyncIndexMergeRequestsOnAuthorIdAndCreatedAt (20231106180117), pending earlier on merge_requests");
            assertThat(bot.runs().store().recent(5)).isEmpty();
        }
    }

    @Test
    void an_unknown_nature_in_a_confirmed_subset_gets_a_did_you_mean_and_nothing_runs() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            Reply reply = bot.say("pdm execute --only sidekiq_onyl --confirm");

            assertThat(reply.isOk()).isFalse();
            assertThat(reply.plainText()).contains("(did you mean sidekiq_only?)");
            assertThat(bot.runs().store().recent(5)).isEmpty();
        }
    }

    @Test
    void the_production_checks_of_the_moment_stop_a_subset_as_they_stop_a_whole_run() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            bot.say("pdm lock gprd maintenance");
            Reply reply = bot.say("pdm execute --only sidekiq_only --confirm");

            assertThat(reply.isOk()).isFalse();
            assertThat(reply.plainText()).contains("gprd is locked");
            assertThat(bot.runs().store().executed(1)).isEmpty();
            assertThat(bot.runs().store().run(1).orElseThrow().state()).isEqualTo(RunState.REFUSED);
        }
    }

    @Test
    void issue_14_a_subset_that_ran_a_migration_of_the_newest_package_moves_the_rollback_line_to_that_package() {
        try (TestBot bot = TestBot.start(TestBot.config(dir))) {
            // the package built 2023-11-07 14:20, and the one on gprd, which introduced 20231107035713 (sidekiq_only)
            String older = bot.bot.ledger().world().packages().packages().stream().map(p -> p.version().toString())
                    .filter(v -> v.startsWith("16.7.202311071420-c9c46291df5.")).findFirst().orElseThrow();
            String current = bot.bot.ledger().world().deployments().packageOn(Environment.GPRD).orElseThrow().version().toString();
            assertThat(current).startsWith("16.7.202311090620-66b715d55af.");
            assertThat(bot.say("rollback check gprd --target " + older).plainText()).startsWith("gprd can roll back to `" + older + "`");
            bot.say("pdm execute --only sidekiq_only --confirm");
            bot.awaitIdle();

            // 20231107035713 ran on gprd: older code may use what it changed, however many older ones stay pending
            assertThat(bot.say("rollback check gprd --target " + older).plainText())
                    .startsWith("gprd cannot roll back to `" + older + "`: older than the rollback line `" + current + "`");
            Reply deploy = bot.say("deploy " + older + " to gprd --rollback --ignore-production-checks \"test\"");
            assertThat(deploy.isOk()).isFalse();
            assertThat(deploy.plainText()).contains("`" + older + "` is older than the rollback line `" + current + "`");
        }
    }
}
