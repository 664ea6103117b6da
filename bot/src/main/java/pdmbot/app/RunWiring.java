package pdmbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import pdmbot.chat.Announcements;
import pdmbot.chat.Command;
import pdmbot.config.BotConfig;
import pdmbot.domain.Environment;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.ledger.MigrationNatures;
import pdmbot.rules.checks.ProductionChecks;
import pdmbot.classification.Classifications;
import pdmbot.run.ClassifiedDatabases;
import pdmbot.run.ConfiguredChangeLocks;
import pdmbot.run.ExecuteCommand;
import pdmbot.run.LockCommand;
import pdmbot.run.MergeRequestOf;
import pdmbot.run.Pacer;
import pdmbot.run.RetryCommand;
import pdmbot.run.RunPlan;
import pdmbot.run.RunChecks;
import pdmbot.run.RunCommand;
import pdmbot.run.RunResources;
import pdmbot.run.RunService;
import pdmbot.run.RunsCommand;
import pdmbot.run.StatusCommand;
import pdmbot.run.UnlockCommand;
import pdmbot.run.demo.DemoCommands;
import pdmbot.storage.Database;
import pdmbot.storage.Stores;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.storage.runs.JdbcRunStore;
import pdmbot.world.ChangeLock;
import pdmbot.world.CommitInfo;

/** Builds the PDM run feature (service, checks, commands) from the configuration, the store and the world. */
final class RunWiring {

    private static final Duration HAND_OVER_LOOK = Duration.ofSeconds(15);

    private RunWiring() {
    }

    static RunService runs(BotConfig config, Path dataDir, Database database, Worlds.Opened world, Announcements announcements,
                           Classifications classifications, Clock clock) {
        Stores stores = database.stores();
        MergeRequestOf mergeRequests = version -> stores.ledger().changesOf(version).stream()
                .filter(e -> e.kind() == LedgerChange.Kind.ADDED && e.commitSha() != null)
                .findFirst()
                .map(LedgerEntry::commitSha)
                .flatMap(sha -> world.world().packages().commit(sha))
                .flatMap(CommitInfo::mergeRequest);
        Duration poll = world.pollEvery(Duration.ofSeconds(config.run().pollSeconds()));
        // Which databases a migration runs on is the classification's answer, for the file as deployed.
        ClassifiedDatabases databases = new ClassifiedDatabases(world.world().packages(), classifications::classify);
        RunResources resources = new RunResources(world.world(), world.operations(), stores.locks(), mergeRequests, databases,
                clock, poll, Pacer.SLEEP);
        List<ChangeLock> windows = config.run().changeLocks().stream()
                .map(w -> new ChangeLock(w.name(), w.fromInstant(), w.untilInstant(), w.reason())).toList();
        RunChecks checks = new RunChecks(ProductionChecks.builtIn(), world.world(), databases, world.operations(), stores.locks(),
                new ConfiguredChangeLocks(windows), clock);
        Duration lease = Duration.ofSeconds(config.run().leaseSeconds());
        return new RunService(JdbcRunStore.on(database.dataSource(), clock), checks, plan(config.run()), resources,
                announcements, instanceId(dataDir), lease);
    }

    /** The steps of a new run, from {@code run.targets}. */
    static RunPlan plan(BotConfig.Run run) {
        return RunPlan.of(run.targets().stream()
                .map(t -> new RunPlan.Target(Environment.byId(t.environment()).orElseThrow(), t.qa(), t.skip())).toList());
    }

    /**
     * Lets this process drive runs it did not start: a run a crash left unfinished is resumed ({@code resume}) or
     * announced ({@code ask}), and with {@code resume} a run whose instance died is taken over once its lease has
     * passed. Only a process that serves (or the console) does this; {@code say} of a read-only command never does.
     */
    static void driveUnfinishedRuns(BotConfig config, RunService runs) {
        boolean resume = config.run().onUnfinished().equals("resume");
        runs.pickUpUnfinished(resume);
        // A run handed over by a one-shot say has no owner and is taken at the next look: look at least every 15 s.
        Duration half = Duration.ofSeconds(config.run().leaseSeconds()).dividedBy(2);
        if (resume) runs.watchForAbandonedRuns(half.compareTo(HAND_OVER_LOOK) < 0 ? half : HAND_OVER_LOOK);
    }

    static List<Command> commands(RunService runs, Worlds.Opened world, Stores stores, MigrationNatures natures) {
        List<Command> commands = new ArrayList<>(List.of(
                new ExecuteCommand(runs, natures),
                new RetryCommand(runs),
                new StatusCommand(runs, world.world(), stores.locks(), natures),
                new RunsCommand(runs),
                new RunCommand(runs),
                new LockCommand(stores.locks()),
                new UnlockCommand(stores.locks())));
        // listed on every world so that on a git checkout or GitLab they refuse and say why, instead of being unknown
        commands.addAll(new DemoCommands(world.demo(), world.world().description(), world.world().packages(), stores.ledger(),
                new pdmbot.world.PendingMigrations(world.world().packages(), world.world().deployments(),
                        world.world().databases())).commands());
        return commands;
    }

    /**
     * This instance's name as a run owner, kept in the data folder: a bot restarted on the same folder is the same
     * instance and takes its interrupted run back at once; another instance waits for the lease to pass.
     */
    static String instanceId(Path dataDir) {
        Path file = dataDir.resolve("instance-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file).trim();
                if (!id.isEmpty()) return id;
            }
            String host = System.getenv().getOrDefault("HOSTNAME", "pdm-bot");
            String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot keep the instance id in " + file + ": " + e.getMessage());
        }
    }
}
