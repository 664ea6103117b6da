package pdmbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.classification.Classifications;
import pdmbot.classification.ClassifiedNatures;
import pdmbot.config.BotConfig;
import pdmbot.config.DecideConfig;
import pdmbot.decide.DecisionCalendar;
import pdmbot.decide.DeployCadence;
import pdmbot.durations.DurationPredictor;
import pdmbot.decide.HealthSignals;
import pdmbot.decide.MigrationTables;
import pdmbot.decide.PendingGroups;
import pdmbot.decide.PrometheusClient;
import pdmbot.decide.RollbackLine;
import pdmbot.decide.RunDecider;
import pdmbot.decide.ScheduleCommand;
import pdmbot.decide.TrafficCalendar;
import pdmbot.decide.TrafficSource;
import pdmbot.decide.demo.DemoClock;
import pdmbot.decide.demo.DemoDecideCommands;
import pdmbot.decide.demo.DemoDecideState;
import pdmbot.decide.demo.DemoPrometheusModel;
import pdmbot.emulator.prometheus.PrometheusEmulator;
import pdmbot.rules.decide.RunDecisions;
import pdmbot.run.PendingPlan;
import pdmbot.storage.Stores;
import pdmbot.world.BackgroundMigrations;
import pdmbot.world.ChangeLock;
import pdmbot.world.gitlab.GitLabWorld;

/**
 * Builds the run decisions (issue 14) from the configuration, the store and the world: the decider the commands and
 * the scheduler use, and on the demo world its clock, its Prometheus (the emulator module's, on loopback) and its
 * demo commands.
 */
final class DecideWiring {

    /** The demo's load query: the emulator's Prometheus knows this series. */
    static final String DEMO_LOAD_QUERY = "sum(rate(" + PrometheusEmulator.REQUESTS + "[5m]))";

    /** What was built; {@code resources} are closed with the bot. */
    record Decide(RunDecider decider, List<Command> commands, List<AutoCloseable> resources) {
    }

    private DecideWiring() {
    }

    /**
     * {@code pendingNow} is the one maintained view of what is pending (issue 17 item 6), read by the decisions as by
     * {@code pdm status}, {@code /metrics} and the dashboard, instead of computing it from the world again.
     */
    static Decide wire(BotConfig config, Path dataDir, Stores stores, Worlds.Opened world, Classifications classifications,
                       ClassifiedNatures natures, DurationPredictor predictor, java.util.function.Supplier<PendingPlan> pendingNow,
                       Clock clock) {
        DecideConfig decide = config.decide();
        // read first: a calendar file with a bad line stops the start before anything is opened
        TrafficCalendar calendar = TrafficCalendar.of(decide);
        List<AutoCloseable> resources = new ArrayList<>();
        Optional<DemoDecideState> demo = world.kind() instanceof Worlds.DemoOnEmulator ? Optional.of(DemoDecideState.open(dataDir))
                : Optional.empty();
        Clock decisions = demo.<Clock>map(s -> new DemoClock(s, clock)).orElse(clock);
        Optional<PrometheusClient> prometheus = Optional.empty();
        String loadQuery = decide.prometheus().loadQuery();
        Duration timeout = Duration.ofSeconds(decide.prometheus().timeoutSeconds());
        if (demo.isPresent() && !decide.prometheus().isConfigured()) {
            PrometheusEmulator emulator = PrometheusEmulator.start(0, new DemoPrometheusModel(demo.get()));
            resources.add(emulator);
            prometheus = Optional.of(new PrometheusClient(emulator.url(), timeout));
            if (loadQuery.isBlank()) loadQuery = DEMO_LOAD_QUERY;
        } else if (decide.prometheus().isConfigured()) {
            prometheus = Optional.of(new PrometheusClient(decide.prometheus().url(), timeout));
        }
        BackgroundMigrations background = demo.<BackgroundMigrations>map(s -> s)
                .orElseGet(() -> world.gitlab().map(GitLabWorld::backgroundMigrations).orElse(BackgroundMigrations.NONE));
        PendingGroups pending = new PendingGroups(environments -> pendingNow.get(),
                world.world().packages(), natures, predictor, new MigrationTables(), classifications.tableSizes());
        List<ChangeLock> locks = config.run().changeLocks().stream()
                .map(w -> new ChangeLock(w.name(), w.fromInstant(), w.untilInstant(), w.reason())).toList();
        RunDecider decider = new RunDecider(RunDecisions.builtIn(), pending::read,
                new pdmbot.decide.WorldState(world.operations(), stores.locks(), background,
                        new HealthSignals(prometheus, decide.health().signals())),
                new DecisionCalendar(new TrafficSource(calendar, prometheus, loadQuery), locks, decide),
                () -> DeployCadence.of(world.world().packages().packages()),
                new RollbackLine(world.world().packages(), world.world().deployments(), stores.ledger(),
                        world.world().databases()), decisions);
        List<Command> commands = new ArrayList<>();
        commands.add(new ScheduleCommand(decider));
        commands.add(new pdmbot.decide.RollbackCheckCommand(decider));
        commands.addAll(new DemoDecideCommands(demo, clock, calendar.zone(), world.world().description()).commands());
        return new Decide(decider, commands, resources);
    }
}
