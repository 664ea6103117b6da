package pdmbot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import pdmbot.config.BotConfig;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.config.Secrets;
import pdmbot.world.Operations;
import pdmbot.world.PendingMigrations;
import pdmbot.world.World;
import pdmbot.world.demo.DemoOperations;
import pdmbot.world.demo.DemoWorld;
import pdmbot.world.demo.LocalEnvironmentState;
import pdmbot.world.git.GitPackageSource;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.world.gitlab.GitLabWorld;
import pdmbot.world.local.LocalReleaseNotes;

/** Opens the world the configuration names. */
final class Worlds {

    private Worlds() {
    }

    /** An open world, what must be closed with it, and the operations a PDM run acts on (simulated here). */
    record Opened(World world, AutoCloseable resources, DemoWorld demo, Operations operations, DemoOperations simulated) {
        /** The same world reading what ran on each database through {@code databases}. */
        Opened withDatabases(pdmbot.world.DatabaseState databases) {
            return new Opened(new World(world.description(), world.packages(), world.deployments(), databases,
                    world.releaseNotes()), resources, demo, operations, simulated);
        }
    }

    static Opened open(BotConfig config, Path dataDir, Consumer<String> printer, Clock clock) {
        return open(config, dataDir, printer, clock, System.getenv());
    }

    /** Opens the world; secrets (the GitLab token) are read from {@code environment}. */
    static Opened open(BotConfig config, Path dataDir, Consumer<String> printer, Clock clock, java.util.Map<String, String> environment) {
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
            case "gitlab": {
                GitLabWorld gitlab = GitLabWorld.open(gitlabSettings(config, new Secrets(environment)));
                World world = new World(gitlab.description(), gitlab.packages(), gitlab.deployments(),
                        gitlab.databases(), gitlab.releaseNotes().orElse(notes));
                return new Opened(world, gitlab, null, gitlab.operations(), null);
            }
            default:
                throw new InvalidConfigurationException("unknown world.kind '" + config.world().kind() + "'");
        }
    }

    private static Duration perMigration(BotConfig config) {
        return Duration.ofSeconds(config.run().demoSecondsPerMigration());
    }

    /**
     * The token comes from {@code token-file} when set, else from the {@code token-env} variable (or its _FILE); the
     * ops token likewise from {@code ops-token-file} / {@code ops-token-env}, and is the main token when neither is set.
     */
    static GitLabSettings gitlabSettings(BotConfig config, Secrets secrets) {
        BotConfig.Gitlab g = config.world().gitlab();
        String token = secrets.require(g.tokenEnv(), g.tokenFile(), "world.kind gitlab");
        String tokenSource = g.tokenFile() != null && !g.tokenFile().isBlank() ? "the token file " + g.tokenFile()
                : g.tokenEnv();
        Optional<String> opsToken = secrets.read(g.opsTokenEnv(), g.opsTokenFile());
        String opsTokenSource = g.opsTokenFile() != null && !g.opsTokenFile().isBlank()
                ? "the token file " + g.opsTokenFile() : g.opsTokenEnv();
        try {
            GitLabSettings.PackageConvention convention = GitLabSettings.PackageConvention.byId(g.packageConvention());
            GitLabSettings.Packages packages = new GitLabSettings.Packages(convention,
                    convention == GitLabSettings.PackageConvention.OMNIBUS_TAGS ? g.packageProject() : null,
                    g.defaultBranch());
            return new GitLabSettings(g.url(), g.project(), g.securityProject(), g.productionProject(), token,
                    tokenSource, Duration.ofSeconds(g.timeoutSeconds()), Optional.ofNullable(g.releaseIssue()),
                    refPattern(config.world().refPattern()), new GitLabSettings.Pipelines(g.pdmPipelineProject(),
                    g.pdmPipelineRef(), g.qaPipelineProject(), g.qaPipelineRef(), g.pdmPipelineOnlyVariable()), packages,
                    new GitLabSettings.Tracker(g.incidentLabel(), g.changeLabel(), g.blocksDeploymentsLabel()),
                    new GitLabSettings.Ops(Optional.ofNullable(g.opsUrl()), opsToken, opsTokenSource));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
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
