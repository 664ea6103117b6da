package pdmbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import pdmbot.config.BotConfig;
import pdmbot.config.GitlabConfig;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.config.Secrets;
import pdmbot.run.ClassifiedDatabases;
import pdmbot.world.Operations;
import pdmbot.world.PendingMigrations;
import pdmbot.world.World;
import pdmbot.world.local.LocalOperations;
import pdmbot.world.demo.DemoControl;
import pdmbot.world.demo.DemoGitLab;
import pdmbot.world.demo.LocalEnvironmentState;
import pdmbot.world.git.GitPackageSource;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.world.gitlab.GitLabWorld;
import pdmbot.world.local.LocalReleaseNotes;

/** Opens the world the configuration names. */
final class Worlds {

    private Worlds() {
    }

    /** What the bot runs on, from {@code world.kind}: one of three, never a null standing for a mode. */
    sealed interface Kind permits DemoOnEmulator, GitLab, LocalGit {
    }

    /** The demo world: GitLab.com's layout in the embedded emulator, served by the GitLab world ({@code demo}). */
    record DemoOnEmulator(long seed, Duration pipelineStep) implements Kind {
    }

    /** A real GitLab ({@code gitlab}). */
    record GitLab() implements Kind {
    }

    /** A local git checkout with simulated production ({@code git}, {@code --repo}). */
    record LocalGit(Path repo, Pattern refPattern, Duration perMigration) implements Kind {
    }

    /** The configured kind; an unknown or incomplete one is a configuration error. */
    static Kind kindOf(BotConfig config) {
        switch (config.world().kind()) {
            case "demo":
                return new DemoOnEmulator(config.world().demoSeed(), perMigration(config));
            case "gitlab":
                return new GitLab();
            case "git": {
                String repo = config.world().repo();
                if (repo == null || repo.isBlank())
                    throw new InvalidConfigurationException("world.kind is git but world.repo is empty: give --repo <path>");
                return new LocalGit(Path.of(repo), refPattern(config.world().refPattern()), perMigration(config));
            }
            default:
                throw new InvalidConfigurationException("unknown world.kind '" + config.world().kind() + "'");
        }
    }

    /** What production the operations act on: a GitLab (a real one, or the demo's emulator) or the checkout's simulation. */
    sealed interface Production permits OnGitLab, Simulated {
    }

    /** Production is a GitLab, read and driven through the GitLab world (the demo's emulator too). */
    record OnGitLab(GitLabWorld gitlab) implements Production {
    }

    /** Production is simulated in the data folder (the local checkout, {@code --repo}). */
    record Simulated(LocalOperations operations) implements Production {
    }

    /**
     * An open world, what must be closed with it, the operations a PDM run acts on, what it runs on and what
     * production is: the demo's controls exist on the demo world only, and the pipelines move at the demo's pace on
     * the demo and the checkout.
     */
    record Opened(World world, AutoCloseable resources, Operations operations, Kind kind, Production production,
                  Optional<DemoControl> demo) {

        /** The same world reading what ran on each database through {@code databases}. */
        Opened withDatabases(pdmbot.world.DatabaseState databases) {
            return new Opened(new World(world.description(), world.packages(), world.deployments(), databases,
                    world.releaseNotes()), resources, operations, kind, production, demo);
        }

        /** The GitLab world production is read through; empty on the checkout's simulation. */
        Optional<GitLabWorld> gitlab() {
            return production instanceof OnGitLab g ? Optional.of(g.gitlab()) : Optional.empty();
        }

        /**
         * How often a run looks at its pipelines: on GitLab every {@code poll-seconds}; the demo's and the checkout's
         * pipelines move at the demo's pace, so every second, or every 100 ms when a step takes under a second.
         */
        Duration pollEvery(Duration configured) {
            if (kind instanceof DemoOnEmulator demo && demo.pipelineStep().compareTo(Duration.ofSeconds(1)) < 0)
                return Duration.ofMillis(100);
            return kind instanceof GitLab ? configured : Duration.ofSeconds(1);
        }
    }

    static Opened open(BotConfig config, Path dataDir, Consumer<String> printer, Clock clock) {
        return open(config, dataDir, printer, clock, System.getenv());
    }

    /** Opens the world; secrets (the GitLab token) are read from {@code environment}. */
    static Opened open(BotConfig config, Path dataDir, Consumer<String> printer, Clock clock, java.util.Map<String, String> environment) {
        LocalReleaseNotes notes = new LocalReleaseNotes(dataDir.resolve("release-notes.md"), printer, clock);
        Kind kind = kindOf(config);
        if (kind instanceof DemoOnEmulator demo) {
            DemoGitLab emulator = DemoGitLab.open(dataDir, demo.seed(), demo.pipelineStep());
            try {
                GitLabWorld gitlab = GitLabWorld.open(emulator.settings(refPattern(config.world().refPattern())),
                        dataDir.resolve(DemoGitLab.FOLDER).resolve("package-tags.json"), emulator.identity());
                World world = new World("the demo world (GitLab emulator at " + emulator.url() + ", state in "
                        + emulator.folder() + ")", gitlab.packages(), gitlab.deployments(), gitlab.databases(),
                        gitlab.releaseNotes().orElse(notes));
                AutoCloseable both = () -> {
                    gitlab.close();
                    emulator.close();
                };
                return new Opened(world, both, gitlab.operations(), kind, new OnGitLab(gitlab),
                        Optional.of(new DemoControl(emulator.url(), emulator.token())));
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
        }
        if (kind instanceof LocalGit git) {
            GitPackageSource source = GitPackageSource.open(git.repo(), git.refPattern());
            LocalEnvironmentState state = LocalEnvironmentState.openOrCreate(dataDir.resolve("local-environments.json"));
            World world = new World("the git checkout " + source.location(), source, state.deployments(),
                    state.databases(), notes);
            LocalOperations simulated = LocalOperations.open(dataDir.resolve("local-operations.json"),
                    new PendingMigrations(source, state.deployments(), state.databases(), ClassifiedDatabases.builtIn(source)),
                    state.databases(),
                    state.deployments(), source::packageNamed, clock, git.perMigration());
            return new Opened(world, source, simulated.operations(), kind, new Simulated(simulated), Optional.empty());
        }
        GitLabWorld gitlab = GitLabWorld.open(gitlabSettings(config, new Secrets(environment)),
                dataDir.resolve("gitlab-package-tags.json"));
        World world = new World(gitlab.description(), gitlab.packages(), gitlab.deployments(),
                gitlab.databases(), gitlab.releaseNotes().orElse(notes));
        return new Opened(world, gitlab, gitlab.operations(), kind, new OnGitLab(gitlab), Optional.empty());
    }

    private static Duration perMigration(BotConfig config) {
        return Duration.ofSeconds(config.run().demoSecondsPerMigration());
    }

    /**
     * The token comes from {@code token-file} when set, else from the {@code token-env} variable (or its _FILE); the
     * ops token likewise from {@code ops-token-file} / {@code ops-token-env}, and is the main token when neither is set.
     */
    static final String ADMIN_TOKEN_ENV = "PDM_GITLAB_ADMIN_TOKEN";

    static GitLabSettings gitlabSettings(BotConfig config, Secrets secrets) {
        GitlabConfig g = config.world().gitlab();
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
                    new GitLabSettings.Ops(Optional.ofNullable(g.opsUrl()), opsToken, opsTokenSource))
                    // an administrator's token for the admin API, from the environment only (PDM_GITLAB_ADMIN_TOKEN or its _FILE)
                    .withAdmin(new GitLabSettings.Admin(secrets.read(ADMIN_TOKEN_ENV, null), ADMIN_TOKEN_ENV))
                    .withMaxRetryAfter(Duration.ofSeconds(g.retryAfterMaxSeconds()));
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
}
