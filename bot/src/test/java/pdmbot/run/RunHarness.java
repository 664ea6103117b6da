package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.ChatCore;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.RoleDirectory;
import pdmbot.chat.Router;
import pdmbot.domain.PostMigration;
import pdmbot.ledger.MigrationNatures;
import pdmbot.rules.checks.ProductionChecks;
import pdmbot.storage.Database;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.runs.JdbcRunStore;
import pdmbot.world.Operations;
import pdmbot.world.ReleaseNotes;
import pdmbot.world.World;
import pdmbot.world.PendingMigrations;
import pdmbot.world.demo.DemoGitLab;
import pdmbot.world.gitlab.GitLabWorld;

/**
 * One bot instance for run tests, built like PdmBot builds it but with its ports wrapped in {@link Faults}: the demo
 * world in a folder (its GitLab emulator, served by the GitLab world), a database given by the test (H2 file or a shared PostgreSQL), the run commands behind a chat
 * core. Closing it and opening another on the same folder and database is a restart.
 */
final class RunHarness implements AutoCloseable {

    static final String RELEASE_MANAGER = "alice";
    private static final ProductionChecks CHECKS = ProductionChecks.builtIn();
    /** The classification's databases, with the rules compiled once per test JVM. */
    private static final java.util.function.Function<World, ClassifiedDatabases> DATABASES = classifier();

    private static java.util.function.Function<World, ClassifiedDatabases> classifier() {
        pdmbot.rules.classify.Classifier classifier = new pdmbot.rules.classify.Classifier(pdmbot.rules.classify.RuleBook.builtIn(),
                pdmbot.rules.classify.TableSizes.defaults());
        return world -> new ClassifiedDatabases(world.packages(), (m, content) -> classifier.classify(m.path(), content));
    }

    final World world;
    final DemoProbe simulated;
    private final AutoCloseable demo;
    final pdmbot.storage.ledger.LedgerStore ledger;
    final RunService runs;
    final ChatCore core;
    final List<String> announcements;
    final List<String> notes;

    private RunHarness(World world, AutoCloseable demo, DemoProbe simulated, RunService runs, ChatCore core,
                       List<String> announcements, List<String> notes, pdmbot.storage.ledger.LedgerStore ledger) {
        this.ledger = ledger;
        this.world = world;
        this.demo = demo;
        this.simulated = simulated;
        this.runs = runs;
        this.core = core;
        this.announcements = announcements;
        this.notes = notes;
    }

    /** Opens an instance; {@code announcements} and {@code notes} collect across restarts when the test passes the same lists. */
    static RunHarness open(Path folder, Database database, Faults faults, String owner, List<String> announcements,
                           List<String> notes) {
        return open(folder, database, faults, owner, announcements, notes, Duration.ofMinutes(5));
    }

    static RunHarness open(Path folder, Database database, Faults faults, String owner, List<String> announcements,
                           List<String> notes, Duration lease) {
        return open(folder, database, faults, owner, announcements, notes, lease, RunPlan.standard());
    }

    /** An instance whose new runs get the steps of {@code plan} (as configured by {@code run.targets}). */
    static RunHarness open(Path folder, Database database, Faults faults, String owner, List<String> announcements,
                           List<String> notes, Duration lease, RunPlan plan) {
        Clock clock = Clock.systemUTC();
        if (!java.nio.file.Files.exists(folder.resolve("demo"))) DemoTemplate.copyInto(folder);
        DemoGitLab emulator = DemoGitLab.open(folder, pdmbot.config.BotConfig.defaults().world().demoSeed(), Duration.ZERO);
        GitLabWorld gitlab = GitLabWorld.open(emulator.settings(pdmbot.world.git.GitPackageSource.DEFAULT_REF_PATTERN),
                folder.resolve("demo").resolve("package-tags.json"), emulator.identity());
        ReleaseNotes releaseNotes = faults.wrap(ReleaseNotes.class, markdown -> {
            notes.add(markdown);
            return "note " + notes.size();
        });
        // what runs of a subset executed, read with GitLab's answer as PdmBot.start wires it (issue 14)
        World world = new World("demo", gitlab.packages(), gitlab.deployments(),
                new WithSubsetRuns(gitlab.databases(), JdbcRunStore.on(database.dataSource(), clock)), releaseNotes);
        Operations operations = faults.wrap(gitlab.operations());
        LockStore locks = faults.wrap(database.stores().locks());
        // which merge request brought a migration: the ledger's commit, as PdmBot finds it (its own notes are not ours)
        pdmbot.storage.ledger.LedgerStore ledger = database.stores().ledger();
        DemoTemplate.copyLedgerInto(ledger);
        new pdmbot.ledger.LedgerIngestion(world.packages(), ledger, database.stores().releaseNotes(), markdown -> "ledger note")
                .catchUp();
        MergeRequestOf mergeRequests = version -> ledger.changesOf(version).stream()
                .filter(e -> e.kind() == pdmbot.storage.ledger.LedgerChange.Kind.ADDED && e.commitSha() != null)
                .findFirst().flatMap(e -> world.packages().commit(e.commitSha()))
                .flatMap(pdmbot.world.CommitInfo::mergeRequest);
        RunResources resources = new RunResources(world, operations, locks, mergeRequests, DATABASES.apply(world), clock,
                Duration.ofMillis(1), Pacer.NONE);
        RunChecks checks = new RunChecks(CHECKS, world, resources.databases(), operations, locks, new ConfiguredChangeLocks(List.of()), clock);
        List<String> collected = Collections.synchronizedList(announcements);
        RunService runs = new RunService(JdbcRunStore.on(database.dataSource(), clock), checks, plan, resources,
                (topic, message) -> collected.add("[" + topic + "] " + message.plainText()), owner, lease);
        MigrationNatures natures = (PostMigration m) -> new MigrationNatures.Summary("unclassified", Set.of());
        Router router = new Router(List.of(new ExecuteCommand(runs, natures), new RetryCommand(runs), new RunCommand(runs),
                new RunsCommand(runs), new LockCommand(locks), new UnlockCommand(locks)));
        ChatCore core = new ChatCore(router, RoleDirectory.configured(Map.of("console", Set.of(RELEASE_MANAGER))), AuditTrail.NONE);
        AutoCloseable both = () -> {
            gitlab.close();
            emulator.close();
        };
        return new RunHarness(world, both, new DemoProbe(folder, world), runs, core, collected, notes, ledger);
    }

    static RunHarness open(Path folder, Database database, Faults faults) {
        return open(folder, database, faults, "instance-" + folder.getFileName(), new ArrayList<>(), Collections.synchronizedList(new ArrayList<>()));
    }

    Reply say(String text) {
        return core.handle(new ChatRequest("console", RELEASE_MANAGER, RELEASE_MANAGER, "", null, text, "", Instant.now()));
    }

    void awaitIdle() {
        assertThat(runs.awaitIdle(Duration.ofSeconds(60))).as("the run stopped moving in time").isTrue();
    }

    /** How many announcements contain the text. */
    long announced(String text) {
        synchronized (announcements) {
            return announcements.stream().filter(a -> a.contains(text)).count();
        }
    }

    @Override
    public void close() {
        runs.close();
        awaitQuietly();
        try {
            demo.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    PendingMigrations pendingMigrations() {
        return new PendingMigrations(world.packages(), world.deployments(), world.databases(),
                ClassifiedDatabases.builtIn(world.packages()));
    }

    private void awaitQuietly() {
        runs.awaitIdle(Duration.ofSeconds(10));
    }
}
