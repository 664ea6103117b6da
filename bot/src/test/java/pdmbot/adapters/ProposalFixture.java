package pdmbot.adapters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import pdmbot.chat.Announcements;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.ChatCore;
import pdmbot.chat.Reply;
import pdmbot.chat.RoleDirectory;
import pdmbot.chat.Router;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.chat.interaction.Interactions;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.PendingGroup;
import pdmbot.decide.Window;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.schedule.GroupRuns;
import pdmbot.schedule.ProposalConfirmCommand;
import pdmbot.schedule.ProposalSkipCommand;
import pdmbot.schedule.Proposals;
import pdmbot.schedule.ScheduleSettings;
import pdmbot.schedule.WindowKey;
import pdmbot.storage.Stores;
import pdmbot.world.PendingMigration;

/**
 * A scheduled run's proposal as the bot makes it ({@code schedule.mode: propose}) on a migrated database, for the
 * adapter tests that show its Confirm / Skip on each platform: one ddl_cleanup group whose window is open, runs that
 * are recorded instead of started, and a core that knows {@code proposal confirm} / {@code proposal skip} with
 * {@code U_RM}, {@code U_RM2} (Slack) and {@code 100}, {@code 101} (Discord) as release managers.
 */
public final class ProposalFixture {

    public static final Window WINDOW = new Window(Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T06:00:00Z"));
    public static final PendingGroup GROUP = new PendingGroup(Environment.GPRD, "ddl_cleanup", List.of(new PendingMigration(
            Environment.GPRD, LogicalDatabase.MAIN, new PostMigration("20231107025611", "remove_index_merge_requests_on_merge_jid",
            "db/post_migrate/20231107025611_remove_index_merge_requests_on_merge_jid.rb"))));

    /** The groups whose run a confirm started. */
    public final List<PendingGroup> started = new CopyOnWriteArrayList<>();
    public final Interactions interactions;
    public final ChatCore core;
    private final Proposals proposals;
    private final AtomicReference<Announcements> channel = new AtomicReference<>(Announcements.NONE);

    public ProposalFixture() {
        DataSource db = ChatFixtures.migratedDatabase();
        Clock clock = Clock.fixed(WINDOW.start().plusSeconds(600), ZoneOffset.UTC);
        Stores stores = Stores.on(db, clock);
        ChatCore[] roles = new ChatCore[1];
        // as PdmBot wires it: a click is checked against the clicker's role before it uses the button
        interactions = new Interactions(stores.chatEvents(), stores.chatButtons(), new Dialogues(stores.dialogues(), clock), "test",
                clock, (platform, user, command) -> roles[0].mayRun(platform, user, command));
        GroupRuns runs = (group, by) -> {
            started.add(group);
            return new GroupRuns.Started(41, "only " + group.nature());
        };
        proposals = new Proposals((from, until) -> List.of(new GroupWindow(GROUP, Optional.of(new Window(from, WINDOW.end())), List.of())),
                stores.offers(), new Dialogues(stores.dialogues(), clock), runs, new Announcements() {
                    @Override
                    public void announce(String topic, Reply message) {
                        channel.get().announce(topic, message);
                    }

                    @Override
                    public void propose(String topic, Reply message) {
                        channel.get().propose(topic, message);
                    }
                },
                new ScheduleSettings("propose", List.of(), Duration.ofDays(7), Duration.ofMinutes(1)), clock);
        core = new ChatCore(new Router(List.of(new ProposalConfirmCommand(proposals), new ProposalSkipCommand(proposals))),
                RoleDirectory.configured(Map.of("slack", Set.of("U_RM", "U_RM2"), "discord", Set.of("100", "101"))), AuditTrail.NONE);
        roles[0] = core;
    }

    /** Where the proposal and the answers to it are announced (the adapter's announcements channel). */
    public void announceTo(Announcements announcements) {
        channel.set(announcements);
    }

    /** The group's window opens: the proposal is posted. */
    public void windowOpens() {
        proposals.atWindow(WindowKey.of(GROUP.environment(), GROUP.nature(), WINDOW));
    }
}
