package pdmbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import pdmbot.ledger.MigrationNatures;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.AnnouncementHub;
import pdmbot.chat.ChatCore;
import pdmbot.chat.Reply;
import pdmbot.chat.interaction.Dialogues;
import pdmbot.chat.interaction.Interactions;
import pdmbot.chat.Router;
import pdmbot.config.BotConfig;
import pdmbot.config.Secrets;
import pdmbot.ledger.Ledger;
import pdmbot.grafana.GrafanaAnnotations;
import pdmbot.metrics.BotMetrics;
import pdmbot.metrics.CommandMetrics;
import pdmbot.metrics.MetricsEndpoint;
import pdmbot.pending.ChangingCommands;
import pdmbot.pending.MaintainedPendingView;
import pdmbot.pending.PendingView;
import pdmbot.classification.Classifications;
import pdmbot.durations.MigrationDurations;
import pdmbot.classification.ClassifiedNatures;
import pdmbot.promote.Promotions;
import pdmbot.run.RunService;
import pdmbot.storage.Database;
import pdmbot.world.demo.DemoControl;
import pdmbot.storage.Stores;
import pdmbot.triage.TriageFeature;

/** The assembled bot: configuration, store, world, rules and the chat core over them. */
public final class PdmBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PdmBot.class);

    private final BotConfig config;
    private final Database database;
    private final Worlds.Opened world;
    private final ChatCore core;
    private final AnnouncementHub announcements;
    private final Ledger ledger;
    private final MigrationNatures natures;
    private final RunService runs;
    private final Interactions interactions;
    private final String instance;
    private final pdmbot.decide.RunDecider decider;
    private final ScheduleWiring.Schedule schedule;
    private final Promotions promotions;
    private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();
    private MaintainedPendingView pending;
    private BotMetrics metrics;
    private GrafanaAnnotations grafana;
    private TriageFeature triage;
    private java.util.function.Supplier<pdmbot.decide.RunDecider.Schedule> weekAhead;

    private PdmBot(BotConfig config, Database database, Worlds.Opened world, ChatCore core, AnnouncementHub announcements,
                   Ledger ledger, MigrationNatures natures, RunService runs, Interactions interactions, String instance,
                   pdmbot.decide.RunDecider decider, ScheduleWiring.Schedule schedule, Promotions promotions) {
        this.config = config;
        this.database = database;
        this.world = world;
        this.core = core;
        this.announcements = announcements;
        this.ledger = ledger;
        this.natures = natures;
        this.runs = runs;
        this.interactions = interactions;
        this.instance = instance;
        this.decider = decider;
        this.schedule = schedule;
        this.promotions = promotions;
    }

    public static PdmBot start(BotConfig config, Map<String, String> environment) {
        return start(config, environment, Clock.systemUTC());
    }

    public static PdmBot start(BotConfig config, Map<String, String> environment, Clock clock) {
        RunWiring.defineEnvironments(config.run());
        Path dataDir = Path.of(config.data()).toAbsolutePath();
        DataFolder.prepare(dataDir);
        Database database = StartWiring.openStore(config, new Secrets(environment), dataDir, clock);
        Worlds.Opened world = null;
        try {
            AnnouncementHub announcements = new AnnouncementHub();
            world = Worlds.open(config, dataDir, text -> announcements.announce("release-notes", Reply.ok(text)), clock,
                    environment);
            // what runs of a subset executed is known to the bot, not to GitLab's db/ deployments (run/WithSubsetRuns)
            world = world.withDatabases(new pdmbot.run.WithSubsetRuns(world.world().databases(), database.stores().runs()));
            return assemble(config, dataDir, database, world, announcements, clock, new Secrets(environment));
        } catch (RuntimeException e) {
            closeQuietly(world == null ? null : world.resources());
            database.close();
            throw e;
        }
    }

    /**
     * The composition root's one wiring of the features over one {@link Stores} and one instance id: the ledger, the
     * classifications, the run feature, the interaction service and every command ({@link CommandList}).
     */
    private static PdmBot assemble(BotConfig config, Path dataDir, Database database, Worlds.Opened world,
                                   AnnouncementHub announcements, Clock clock, Secrets secrets) {
        Stores stores = database.stores();
        // first, so that a grafana.url without its token stops the start before anything is running
        AtomicReference<BotMetrics> counted = new AtomicReference<>();
        GrafanaAnnotations grafana = GrafanaWiring.annotations(config.grafana(), secrets,
                (method, status) -> counted.get().grafanaErrors().failed(method, status));
        String instance = InstanceId.of(dataDir);
        Ledger ledger = StartWiring.ledger(world, stores, instance);
        Classifications classifications = StartWiring.classifications(config, stores, clock);
        ClassifiedNatures natures = new ClassifiedNatures(ledger, classifications);
        MigrationDurations durations = RunWiring.durations(config, stores, world, classifications, clock);
        RunService runs = RunWiring.runs(config, stores, world, announcements, classifications, natures, durations, instance, clock);
        MaintainedPendingView pending = PendingWiring.view(ledger, natures, runs, stores, clock);
        AtomicReference<TriageFeature> triaged = new AtomicReference<>();
        BotMetrics metrics = MetricsWiring.metrics(pending, stores, runs, triaged::get, grafana, world, clock);
        counted.set(metrics);
        DecideWiring.Decide decide = DecideWiring.wire(config, dataDir, stores, world, classifications, natures,
                durations, () -> pending.current().plan(), clock);
        // deploy --rollback refuses behind the line rollback check and the run decisions show: one line, decide's
        Promotions promotions = PromotionWiring.promotions(config, stores, world, announcements, natures, runs,
                environment -> decide.decider().lineOf(environment).line(), clock);
        ScheduleWiring.Schedule schedule = ScheduleWiring.wire(config, stores, decide.decider(), runs, announcements,
                metrics.scheduleProposals(), clock);
        AtomicReference<Router> router = new AtomicReference<>();
        Dialogues dialogues = new Dialogues(stores.dialogues(), clock);
        TriageFeature triage = TriageWiring.triage(config.triage(), database, stores, dialogues, ledger, natures, world, runs, announcements,
                instance, clock);
        triaged.set(triage);
        // the decisions' week ahead, one cached copy for pdm status and the dashboard
        java.util.function.Supplier<pdmbot.decide.RunDecider.Schedule> weekAhead = PendingWiring.weekAhead(pending, decide.decider());
        List<pdmbot.chat.Command> commands = new java.util.ArrayList<>(CommandList.all(router::get, ledger, natures,
                classifications, runs, world, stores, decide, schedule.commands(), promotions, pending, weekAhead));
        commands.addAll(triage.commands());
        router.set(new Router(commands));
        ChatCore core = new ChatCore(router.get(), StartWiring.roles(config), new CommandMetrics(metrics, new ChangingCommands(
                new StoreAuditTrail(stores.audit(), clock), pending, PendingWiring.roles(router.get()))));
        Interactions interactions = new Interactions(stores.chatEvents(), stores.chatButtons(), dialogues, instance, clock,
                core::mayRun);
        PdmBot bot = new PdmBot(config, database, world, core, announcements, ledger, natures, runs, interactions, instance,
                decide.decider(), schedule, promotions);
        decide.resources().forEach(bot::closeFirst);
        bot.triage = triage;
        bot.weekAhead = weekAhead;
        bot.pending = pending;
        bot.metrics = metrics;
        bot.grafana = grafana;
        return bot;
    }

    public ChatCore core() {
        return core;
    }

    public BotConfig config() {
        return config;
    }

    public AnnouncementHub announcements() {
        return announcements;
    }

    public Database database() {
        return database;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The one interaction service (event claims, buttons, dialogues) every adapter of this process shares. */
    public Interactions interactions() {
        return interactions;
    }

    /** This process's name as a run owner and an event claimer, kept in the data folder ({@link InstanceId}). */
    public String instance() {
        return instance;
    }

    /**
     * Makes this process one that drives runs it did not start (serve, the console): an unfinished run is resumed or
     * announced as {@code run.on-unfinished} says. A one-shot {@code say} never calls it, so a read-only command
     * never takes over or resumes a run.
     */
    public void driveUnfinishedRuns() {
        RunWiring.driveUnfinishedRuns(config, runs);
        // Scheduled runs (schedule.mode propose or auto) are driven by the same processes: serve and the console.
        schedule.start(database.dataSource(), instance);
        triage.remindEvery(TriageWiring.REMINDER_LOOK);
        // deploys started here or by another instance (or a one-shot say) are ended and announced by whoever serves
        promotions.execution().watch(world.pollEvery(Duration.ofSeconds(config.run().pollSeconds())));
    }

    /** The failure triage feature (its service, commands and reminders). */
    public TriageFeature triage() {
        return triage;
    }

    /** The decisions' week ahead as {@code pdm status} shows it: one cached copy, decided again when what is pending changes. */
    public java.util.function.Supplier<pdmbot.decide.RunDecider.Schedule> weekAhead() {
        return weekAhead;
    }

    /** The run decisions with their schedule and rollback lines (the dashboard shows them). */
    public pdmbot.decide.RunDecider runDecider() {
        return decider;
    }

    /** The one maintained view of what is pending (status, metrics, the dashboard, the decisions). */
    public PendingView pending() {
        return pending;
    }

    /** The bot's Prometheus metrics (runs, steps, migrations, commands, call errors, scheduler proposals, pending). */
    public BotMetrics metrics() {
        return metrics;
    }

    /** Grafana annotations of runs and migrations, when {@code grafana.url} is configured. */
    public java.util.Optional<GrafanaAnnotations> grafana() {
        return java.util.Optional.ofNullable(grafana);
    }

    /** The HTTP endpoints the bot itself serves beside the adapters' ({@code /metrics}); {@code serve} mounts them. */
    public Map<String, pdmbot.http.Endpoint> endpoints() {
        return Map.of("/metrics", new MetricsEndpoint(metrics));
    }

    /** The run decisions: each pending group's decision and next good window (what the scheduler asks). */
    public pdmbot.decide.RunWindows runWindows() {
        return decider;
    }

    /** The classification's nature of each migration (the dashboard shows it). */
    public MigrationNatures natures() {
        return natures;
    }

    /** The PDM run feature (runs, retries, the run store). */
    public RunService runs() {
        return runs;
    }

    /** The demo world's controls (its GitLab emulator's API); empty on any other world. */
    public java.util.Optional<DemoControl> demoControl() {
        return world.demo();
    }

    /** One line saying what the bot runs on, for banners and logs. */
    public String describe() {
        return "on " + world.world().description() + ", store " + database.location();
    }

    /** Something that uses this bot and must stop before it (the say relay); closed first, newest first. */
    public void closeFirst(AutoCloseable user) {
        if (user != null) closeFirst.add(0, user);
    }

    @Override
    public void close() {
        for (AutoCloseable user : closeFirst) closeQuietly(user);
        closeFirst.clear();
        pending.close();
        closeQuietly(schedule);
        closeQuietly(triage);
        closeQuietly(promotions.execution());
        runs.close();
        closeQuietly(grafana);
        closeQuietly(world.resources());
        database.close();
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) return;
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("could not close {}", resource, e);
        }
    }
}
