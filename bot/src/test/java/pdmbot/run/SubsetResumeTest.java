package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.Database;
import pdmbot.storage.StorageSettings;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunScope;
import pdmbot.storage.runs.RunState;

/** Issue 14: a run of a subset that a crash stopped resumes with the same subset, and a retry keeps it too. */
class SubsetResumeTest {

    /** One sidekiq_only migration of the demo world, pending on main of both environments. */
    private static final RunScope SCOPE = new RunScope("--only 20231106180117", List.of(
            new RunScope.Entry(Environment.GSTG, LogicalDatabase.MAIN, "20231106180117"),
            new RunScope.Entry(Environment.GPRD, LogicalDatabase.MAIN, "20231106180117")));

    @TempDir
    Path dir;

    @Test
    void a_subset_run_resumed_after_a_crash_runs_the_same_subset_and_nothing_else() {
        Faults faults = new Faults();
        List<String> announcements = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        try (Database store = Database.open(StorageSettings.h2(dir.resolve("store")))) {
            try (RunHarness first = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
                faults.crashBefore("QaPipelines.startQa");
                first.runs.start(RunHarness.RELEASE_MANAGER, first.runs.check(), Optional.of(SCOPE));
                first.awaitIdle();
                assertThat(first.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.RUNNING);
            }
            try (RunHarness restarted = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
                int pendingBefore = restarted.simulated.pendingMigrationsLeft();
                restarted.runs.pickUpUnfinished(true);
                restarted.awaitIdle();

                assertThat(restarted.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
                assertThat(restarted.runs.store().executed(1)).extracting(ExecutedMigration::version).containsOnly("20231106180117");
                assertThat(restarted.runs.store().executed(1)).extracting(ExecutedMigration::environment)
                        .containsExactlyInAnyOrder(Environment.GSTG, Environment.GPRD);
                assertThat(restarted.simulated.pendingMigrationsLeft()).as("only gprd main's 20231106180117 ran after the restart")
                        .isEqualTo(pendingBefore - 1);
                assertThat(restarted.say("pdm run 1").plainText()).contains(
                        "Limited to `--only 20231106180117`: db/gstg 20231106180117; db/gprd 20231106180117.");
            }
        }
    }

    @Test
    void a_failed_subset_run_retried_keeps_its_subset() {
        Faults faults = new Faults();
        List<String> announcements = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        try (Database store = Database.open(StorageSettings.h2(dir.resolve("store")));
             RunHarness bot = RunHarness.open(dir, store, faults, "instance-1", announcements, notes)) {
            bot.simulated.failNext("qa");
            bot.runs.start(RunHarness.RELEASE_MANAGER, bot.runs.check(), Optional.of(SCOPE));
            bot.awaitIdle();
            assertThat(bot.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.FAILED);
            int pendingBefore = bot.simulated.pendingMigrationsLeft();

            Reply retried = bot.say("pdm retry 1 --confirm");
            bot.awaitIdle();

            assertThat(retried.plainText()).contains("Resuming run #1 from step qa gstg", "Limited to `--only 20231106180117`.");
            assertThat(bot.runs.store().run(1).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(bot.runs.store().executed(1)).extracting(ExecutedMigration::version).containsOnly("20231106180117");
            assertThat(bot.simulated.pendingMigrationsLeft()).isEqualTo(pendingBefore - 1);
        }
    }
}
