package pdmbot.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line: console chat by default, plus say, serve, classify and bench. */
@Command(name = "pdm-bot",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "ChatOps for GitLab post-deploy migrations. Without a subcommand: console chat.",
        subcommands = {SayCommand.class, ServeCommand.class, ClassifyCommand.class, BenchCommand.class},
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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        SayCommand.takeUnknownOptionsAsWords(cli.getSubcommands().get("say"));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("pdm-bot: " + Launch.userMessage(e));
            return e instanceof pdmbot.config.InvalidConfigurationException
                    || e instanceof pdmbot.storage.StorageException
                    || e instanceof pdmbot.world.WorldException ? 2 : 3;
        });
        return cli.execute(args);
    }

    Launch launch() {
        return new Launch(config, data, repo);
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
