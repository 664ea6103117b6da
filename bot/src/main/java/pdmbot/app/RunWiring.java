package pdmbot.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Announcements;
import pdmbot.chat.Command;
import pdmbot.config.BotConfig;
import pdmbot.domain.Environment;
import pdmbot.durations.ClassifiedProfiles;
import pdmbot.durations.DefaultDurations;
import pdmbot.durations.MigrationDurations;
import pdmbot.rules.checks.ProductionChecks;
import pdmbot.classification.Classifications;
import pdmbot.classification.ClassifiedNatures;
import pdmbot.run.ClassifiedDatabases;
import pdmbot.run.ConfiguredChangeLocks;
import pdmbot.run.MergeRequestOf;
import pdmbot.run.MigrationLinks;
import pdmbot.run.RunDiff;
import pdmbot.run.Pacer;
import pdmbot.run.RunPlan;
import pdmbot.run.RunChecks;
import pdmbot.run.RunResources;
import pdmbot.run.RunService;
import pdmbot.run.demo.DemoCommands;
import pdmbot.storage.Stores;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.world.ChangeLock;
import pdmbot.world.CommitInfo;

/** Builds the PDM run feature (service, checks, commands) from the configuration, the store and the world. */
final class RunWiring {

    private static final Duration HAND_OVER_LOOK = Duration.ofSeconds(15);

    private RunWiring() {
    }

    static RunService runs(BotConfig config, Stores stores, Worlds.Opened world, Announcements announcements,
                           Classifications classifications, ClassifiedNatures natures, MigrationDurations durations,
                           String instance, Clock clock) {
        MergeRequestOf mergeRequests = version -> stores.ledger().changesOf(version).stream()
                .filter(e -> e.kind() == LedgerChange.Kind.ADDED && e.commitSha() != null)
                .findFirst()
                .map(LedgerEntry::commitSha)
                .flatMap(sha -> world.world().packages().commit(sha))
                .flatMap(CommitInfo::mergeRequest);
        Duration poll = world.pollEvery(Duration.ofSeconds(config.run().pollSeconds()));
        // Which databases a migration runs on is the classification's answer, for the file as deployed.
        ClassifiedDatabases databases = databases(world, classifications, natures);
        RunResources resources = new RunResources(world.world(), world.operations(), stores.locks(), mergeRequests, databases,
                clock, poll, Pacer.SLEEP, durations, new RunDiff(natures, links(config)));
        List<ChangeLock> windows = config.run().changeLocks().stream()
                .map(w -> new ChangeLock(w.name(), w.fromInstant(), w.untilInstant(), w.reason())).toList();
        RunChecks checks = new RunChecks(ProductionChecks.builtIn(), world.world(), databases, world.operations(), stores.locks(),
                new ConfiguredChangeLocks(windows), clock);
        Duration lease = Duration.ofSeconds(config.run().leaseSeconds());
        return new RunService(stores.runs(), checks, plan(config.run()), resources, announcements, instance, lease);
    }

    /**
     * Links in the PDM diff: on GitLab to the code project the packages are read in (the security project with
     * GitLab.com's omnibus tags, else the project); the demo and a local checkout have no web pages to link to.
     */
    static MigrationLinks links(BotConfig config) {
        if (!"gitlab".equals(config.world().kind())) return MigrationLinks.NONE;
        BotConfig.Gitlab g = config.world().gitlab();
        boolean omnibus = "omnibus-tags".equals(g.packageConvention());
        return new MigrationLinks(Optional.ofNullable(g.url()), omnibus ? g.securityProject() : g.project());
    }

    /** Durations learnt in the store, profiles from the classification of the files as deployed. */
    static MigrationDurations durations(BotConfig config, Stores stores, Worlds.Opened world,
                                        Classifications classifications, Clock clock) {
        return new MigrationDurations(stores.durations(), new ClassifiedProfiles(world.world().packages(),
                world.world().deployments(), classifications::classify),
                DefaultDurations.withMinutes(config.durations().defaultMinutes()), clock);
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

    /** Which databases a migration runs on: the classification's answer, for the file as the package has it. */
    static ClassifiedDatabases databases(Worlds.Opened world, Classifications classifications, ClassifiedNatures natures) {
        return new ClassifiedDatabases(world.world().packages(), classifications::classify, natures::decidedAt);
    }

    /** The {@code demo …} commands, on the world as it is. */
    static List<Command> demoCommands(Worlds.Opened world, Stores stores, Classifications classifications,
                                      ClassifiedNatures natures) {
        pdmbot.world.PendingMigrations pending = new pdmbot.world.PendingMigrations(world.world().packages(),
                world.world().deployments(), world.world().databases(), databases(world, classifications, natures));
        // listed on every world so that on a git checkout or GitLab they refuse and say why, instead of being unknown
        return new DemoCommands(world.demo(), world.world().description(), world.world().packages(), stores.ledger(),
                pending).commands();
    }
}
