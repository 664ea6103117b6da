package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.PendingGroup;
import pdmbot.decide.RunWindows;
import pdmbot.decide.Window;
import pdmbot.domain.Environment;
import pdmbot.schedule.Proposals;
import pdmbot.schedule.ScheduleSettings;
import pdmbot.schedule.SubsetGroupRuns;
import pdmbot.storage.Database;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunScope;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.testing.PostgresAddress;
import pdmbot.storage.testing.Race;
import pdmbot.storage.testing.TestDatabases;
import pdmbot.world.PendingMigration;

/**
 * Issue 14 item 4: two instances on one PostgreSQL running a group without a click ({@code schedule.mode: auto}) at the
 * same window start one run, limited to that group ({@link SubsetGroupRuns}); the subset itself is resolved here as the
 * run decisions resolve it (their refusals are {@code OnlySubset}'s tests).
 */
class ScheduledSubsetRaceTest {

    private static final Set<String> SIDEKIQ_ONLY = Set.of("20231106180117", "20231107035713");

    @TempDir
    Path dir;

    private static PendingGroup group(RunHarness bot) {
        List<PendingMigration> migrations = new ArrayList<>();
        for (PendingPlan.Entry e : bot.runs.pending().on(Environment.GPRD))
            if (SIDEKIQ_ONLY.contains(e.migration().version()))
                e.databases().forEach(d -> migrations.add(new PendingMigration(Environment.GPRD, d, e.migration())));
        return new PendingGroup(Environment.GPRD, "sidekiq_only", migrations);
    }

    /** The group's versions on its environment, every database they are pending on, as OnlySubset gives them. */
    private static SubsetPlanner planner(RunHarness bot) {
        return new SubsetPlanner() {
            @Override
            public Reply plan(String only, boolean dryRun) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Subset choose(String only, Set<Environment> environments, String scopeWords) {
                List<RunScope.Entry> entries = new ArrayList<>();
                for (PendingMigration m : group(bot).migrations())
                    if (List.of(only.split(",")).contains(m.migration().version()))
                        entries.add(new RunScope.Entry(m.environment(), m.database(), m.migration().version()));
                return new Chosen(new RunScope(scopeWords, entries), List.of("version"),
                        entries.stream().map(e -> List.of(e.version())).toList(), List.of("Decisions now:"));
            }
        };
    }

    private static Proposals auto(RunHarness bot, Database database, List<Reply> posted) {
        PendingGroup group = group(bot);
        RunWindows windows = (from, until) -> List.of(new GroupWindow(group,
                Optional.of(new Window(from.minus(Duration.ofMinutes(1)), from.plus(Duration.ofHours(1)))), List.of()));
        return new Proposals(windows, database.stores().offers(), new Dialogues(database.stores().dialogues(), Clock.systemUTC()),
                new SubsetGroupRuns(bot.runs, planner(bot)), (topic, message) -> posted.add(message),
                new ScheduleSettings("auto", List.of("sidekiq_only"), Duration.ofDays(7), Duration.ofMinutes(1)), Clock.systemUTC());
    }

    @Test
    void two_instances_on_one_postgresql_running_a_group_at_its_window_start_one_run_of_only_that_group() throws Exception {
        PostgresAddress address = TestDatabases.freshPostgresDatabase();
        List<Reply> posted = Collections.synchronizedList(new ArrayList<>());
        try (Database a = address.open(); Database b = address.open();
             RunHarness first = RunHarness.open(dir.resolve("a"), a, new Faults());
             RunHarness second = RunHarness.open(dir.resolve("b"), b, new Faults())) {
            Proposals onA = auto(first, a, posted);
            Proposals onB = auto(second, b, posted);
            var key = onA.upcoming().get(0);

            Race.run(() -> onA.atWindow(key), () -> onB.atWindow(key));
            first.awaitIdle();
            second.awaitIdle();

            assertThat(a.stores().offers().all()).hasSize(1);
            assertThat(first.runs.store().recent(10)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RunState.SUCCEEDED));
            assertThat(first.runs.store().scope(1).orElseThrow().only()).isEqualTo("--only sidekiq_only on gprd");
            assertThat(first.runs.store().executed(1)).isNotEmpty().allSatisfy(m -> {
                assertThat(m.environment()).isEqualTo(Environment.GPRD);
                assertThat(SIDEKIQ_ONLY).contains(m.version());
            });
            assertThat(first.runs.store().executed(1)).extracting(ExecutedMigration::version).containsExactlyInAnyOrderElementsOf(SIDEKIQ_ONLY);
            assertThat(first.simulated.pipelinesStarted("qa") + second.simulated.pipelinesStarted("qa"))
                    .as("a group on gprd changes nothing on gstg for QA to check").isZero();
            assertThat(first.runs.store().steps(1)).filteredOn(st -> st.name().equals("qa gstg")).singleElement()
                    .satisfies(st -> assertThat(st.outcome()).isEqualTo("no QA: the run's subset (`--only sidekiq_only on gprd`) runs nothing on gstg"));
            assertThat(posted).singleElement().satisfies(p -> assertThat(p.plainText())
                    .contains("Scheduled run (auto): 2 sidekiq_only migrations on db/gprd", "only this group"));
        }
    }
}
