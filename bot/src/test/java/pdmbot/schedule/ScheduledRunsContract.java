package pdmbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import pdmbot.chat.Announcements;
import pdmbot.chat.Block;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.PendingGroup;
import pdmbot.decide.RunWindows;
import pdmbot.decide.Window;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.storage.Database;
import pdmbot.storage.testing.MutableClock;
import pdmbot.world.PendingMigration;

/**
 * Scheduled runs through db-scheduler's own scheduler (its manual one, on a clock the test sets) on the bot's database:
 * one instance, or two on the same database, each with its stores, as two bot processes would have them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScheduledRunsContract {

    static final Instant FRIDAY = Instant.parse("2026-12-04T16:00:00Z");
    static final Window SATURDAY_NIGHT = new Window(Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T06:00:00Z"));
    static final Window SUNDAY_NIGHT = new Window(Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2026-12-06T06:00:00Z"));
    static final PendingGroup DDL_CLEANUP = new PendingGroup(Environment.GPRD, "ddl_cleanup", List.of(
            new PendingMigration(Environment.GPRD, LogicalDatabase.MAIN, migration("20231107025611", "remove_index_merge_requests_on_merge_jid")),
            new PendingMigration(Environment.GPRD, LogicalDatabase.CI, migration("20231107025611", "remove_index_merge_requests_on_merge_jid"))));

    protected Database database;

    protected abstract Database openDatabase(MutableClock clock);

    static PostMigration migration(String version, String name) {
        return new PostMigration(version, name, PostMigration.DIRECTORY + version + "_" + name + ".rb");
    }

    @BeforeAll
    void open() {
        database = openDatabase(new MutableClock(FRIDAY));
    }

    @AfterAll
    void close() {
        if (database != null) database.close();
    }

    /** This test's decisions, starts and posts, shared by the instances it opens with {@link #instance}. */
    FixedWindows windows;
    RecordedRuns runs;
    Posted posted;

    @BeforeEach
    void empty() throws SQLException {
        windows = new FixedWindows();
        runs = new RecordedRuns();
        posted = new Posted();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM schedule_offers");
            s.executeUpdate("DELETE FROM scheduled_tasks");
            s.executeUpdate("DELETE FROM dialogues");
        }
    }

    /** The decisions as the test wants them: a group and its next window, or nothing pending. */
    static final class FixedWindows implements RunWindows {
        volatile List<GroupWindow> answer = List.of(new GroupWindow(DDL_CLEANUP, Optional.of(SATURDAY_NIGHT), List.of("weekend")));

        @Override
        public List<GroupWindow> windows(Instant from, Instant until) {
            return answer.stream().filter(g -> g.window().map(w -> w.end().isAfter(from) && w.start().isBefore(until)).orElse(true))
                    .map(g -> g.window().filter(w -> w.start().isBefore(from))
                            .map(w -> new GroupWindow(g.group(), Optional.of(new Window(from, w.end())), g.reasons()))
                            .orElse(g))
                    .toList();
        }

        void next(Window window) {
            answer = List.of(new GroupWindow(DDL_CLEANUP, Optional.of(window), List.of("weekend")));
        }
    }

    /** Records every start; each gets the next run number. */
    static final class RecordedRuns implements GroupRuns {
        final List<PendingGroup> started = new CopyOnWriteArrayList<>();
        final AtomicLong next = new AtomicLong(1);

        @Override
        public Start start(PendingGroup group, String startedBy) {
            started.add(group);
            return new Started(next.getAndIncrement(), "only " + group.nature());
        }
    }

    /** Every announcement and proposal, as posted. */
    static final class Posted implements Announcements {
        final List<Reply> announced = Collections.synchronizedList(new ArrayList<>());
        final List<Reply> proposed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void announce(String topic, Reply message) {
            announced.add(message);
        }

        @Override
        public void propose(String topic, Reply message) {
            proposed.add(message);
        }

        List<String> buttons() {
            List<String> commands = new ArrayList<>();
            synchronized (proposed) {
                for (Reply r : proposed)
                    for (Block b : r.blocks()) if (b instanceof Block.Buttons buttons) buttons.buttons().forEach(x -> commands.add(x.command()));
            }
            return commands;
        }
    }

    /** One bot instance: its database handle, stores, proposals and db-scheduler, all on the test's clock. */
    final class Instance implements AutoCloseable {
        final MutableClock clock = new MutableClock(FRIDAY);
        final SettableClock schedulerClock = new SettableClock();
        final Database db;
        final Proposals proposals;
        final ScheduledRuns scheduled;
        final ManualScheduler scheduler;

        Instance(RunWindows windows, RecordedRuns runs, Posted posted, String mode) {
            db = Database.open(database.settings(), clock);
            proposals = new Proposals(windows, db.stores().offers(), new Dialogues(db.stores().dialogues(), clock), runs, posted,
                    new ScheduleSettings(mode, List.of("ddl_cleanup"), Duration.ofDays(7), Duration.ofMinutes(1)), clock);
            scheduled = new ScheduledRuns(proposals);
            scheduler = TestHelper.createManualScheduler(db.dataSource(), scheduled.tasks()).clock(schedulerClock).build();
            scheduled.scheduleWith(scheduler);
            at(FRIDAY);
        }

        void at(Instant now) {
            clock.set(now);
            schedulerClock.set(now);
        }

        /** What the recurring task does each minute, then every task due now. */
        void look() {
            scheduled.planWindows();
            scheduler.runAnyDueExecutions();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    /** An instance on this test's windows, runs and posts, in {@code schedule.mode} {@code mode}. */
    Instance instance(String mode) {
        return new Instance(windows, runs, posted, mode);
    }

    static long proposalId(String command) {
        return Long.parseLong(command.substring(command.lastIndexOf(' ') + 1));
    }
}
