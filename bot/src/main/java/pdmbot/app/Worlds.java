package pdmbot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import pdmbot.config.BotConfig;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.world.Operations;
import pdmbot.world.PendingMigrations;
import pdmbot.world.World;
import pdmbot.world.demo.DemoOperations;
import pdmbot.world.demo.DemoWorld;
import pdmbot.world.demo.LocalEnvironmentState;
import pdmbot.world.git.GitPackageSource;
import pdmbot.world.local.LocalReleaseNotes;

/** Opens the world the configuration names. */
final class Worlds {

    private Worlds() {
    }

    /** An open world, what must be closed with it, and the operations a PDM run acts on (simulated here). */
    record Opened(World world, AutoCloseable resources, DemoWorld demo, Operations operations, DemoOperations simulated) {
    }

    static Opened open(BotConfig config, Path dataDir, Consumer<String> printer, Clock clock) {
        LocalReleaseNotes notes = new LocalReleaseNotes(dataDir.resolve("release-notes.md"), printer, clock);
        switch (config.world().kind()) {
            case "demo": {
                DemoWorld demo = DemoWorld.ensure(dataDir, config.world().demoSeed());
                World world = new World("the demo world (" + demo.directory() + ")", demo.packages(), demo.deployments(),
                        demo.databases(), notes);
                DemoOperations simulated = DemoOperations.open(demo, clock, perMigration(config));
                return new Opened(world, demo, demo, simulated.operations(), simulated);
            }
            case "git": {
                String repo = config.world().repo();
                if (repo == null || repo.isBlank())
                    throw new InvalidConfigurationException("world.kind is git but world.repo is empty: give --repo <path>");
                GitPackageSource source = GitPackageSource.open(Path.of(repo), refPattern(config.world().refPattern()));
                LocalEnvironmentState state = LocalEnvironmentState.openOrCreate(dataDir.resolve("local-environments.json"));
                World world = new World("the git checkout " + source.location(), source, state.deployments(),
                        state.databases(), notes);
                DemoOperations simulated = DemoOperations.open(dataDir.resolve("local-operations.json"),
                        new PendingMigrations(source, state.deployments(), state.databases()), state.databases(),
                        state.deployments(), source::packageNamed, clock, perMigration(config));
                return new Opened(world, source, null, simulated.operations(), simulated);
            }
            case "gitlab":
                throw new InvalidConfigurationException("world.kind gitlab is not available in this build yet; "
                        + "use demo or git (--repo <path>)");
            default:
                throw new InvalidConfigurationException("unknown world.kind '" + config.world().kind() + "'");
        }
    }

    private static Duration perMigration(BotConfig config) {
        return Duration.ofSeconds(config.run().demoSecondsPerMigration());
    }

    private static Pattern refPattern(String configured) {
        if (configured == null || configured.isBlank()) return GitPackageSource.DEFAULT_REF_PATTERN;
        try {
            return Pattern.compile(configured);
        } catch (PatternSyntaxException e) {
            throw new InvalidConfigurationException("world.ref-pattern is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
