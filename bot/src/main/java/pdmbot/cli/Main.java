package pdmbot.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line: console chat by default, plus say, serve, classify and bench. */
@Command(name = "pdm-bot",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "ChatOps for GitLab post-deploy migrations. Without a subcommand: console chat.",
        subcommands = {ConsoleCommand.class, SayCommand.class, ServeCommand.class, ClassifyCommand.class, BenchCommand.class,
                EmulatorCommand.class},
        usageHelpAutoWidth = true)
public final class Main implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "<file>",
            description = "YAML configuration (see config/pdm-bot.example.yaml). Default: ./pdm-bot.yaml if present.")
    Path config;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "<dir>",
            description = "Data folder: the H2 store, the demo world, logs. Default: ./data")
    Path data;

    @Option(names = "--repo", scope = ScopeType.INHERIT, paramLabel = "<path>",
            description = "A local git checkout to use as the world instead of the demo.")
    Path repo;

    /** The environment the bot reads its overrides and secrets from. */
    private final Map<String, String> environment;
    private Launch launch;

    private Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /** As {@link #run(String...)}, with the environment given (tests). */
    public static int run(Map<String, String> environment, String... args) {
        CommandLine cli = new CommandLine(new Main(environment));
        withHelpAndVersionEverywhere(cli);
        SayCommand.takeUnknownOptionsAsWords(cli.getSubcommands().get("say"));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("pdm-bot: " + Launch.userMessage(e));
            return e instanceof pdmbot.config.InvalidConfigurationException
                    || e instanceof pdmbot.storage.StorageException
                    || e instanceof pdmbot.world.WorldException
                    || e instanceof pdmbot.http.UnableToListenException ? 2 : 3;
        });
        return cli.execute(args);
    }

    /** Every subcommand, present and future, answers {@code --help} and {@code --version} (exit 0). */
    private static void withHelpAndVersionEverywhere(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) sub.getCommandSpec().mixinStandardHelpOptions(true);
            sub.getCommandSpec().versionProvider(new Version());
            withHelpAndVersionEverywhere(sub);
        }
    }

    /** One per command line: the configuration is read (and its warnings printed) once. */
    Launch launch() {
        if (launch == null) launch = new Launch(config, data, repo, environment);
        return launch;
    }

    @Override
    public Integer call() throws Exception {
        return ConsoleCommand.run(launch());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"pdm-bot " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
