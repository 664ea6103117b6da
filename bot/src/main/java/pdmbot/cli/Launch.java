package pdmbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.app.DataFolder;
import pdmbot.app.PdmBot;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.config.WorldConfig;

/** Turns the command line's --config, --data and --repo into a configuration and a started bot. */
final class Launch {

    static final Path DEFAULT_CONFIG = Path.of("pdm-bot.yaml");

    private final Path config;
    private final Path data;
    private final Path repo;
    private final Map<String, String> environment;
    private BotConfig configuration;
    private List<String> warnings = List.of();

    Launch(Path config, Path data, Path repo, Map<String, String> environment) {
        this.config = config;
        this.data = data;
        this.repo = repo;
        this.environment = environment;
    }

    /** Read once; the warnings about the environment are printed to stderr (and logged) that one time. */
    BotConfig configuration() {
        if (configuration == null) {
            configuration = read();
            warnings = ConfigLoader.environmentWarnings(configuration, environment);
            for (String warning : warnings) System.err.println("pdm-bot: warning: " + warning);
        }
        return configuration;
    }

    private BotConfig read() {
        Map<String, String> env = environment;
        Path file = config != null ? config : (Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
        BotConfig loaded = ConfigLoader.load(file, env);
        if (data != null) loaded = loaded.withData(data.toString());
        if (repo != null) {
            WorldConfig w = loaded.world();
            loaded = loaded.withWorld(new WorldConfig("git", w.demoSeed(), repo.toString(), w.refPattern(), w.gitlab()));
        }
        return loaded;
    }

    /** The data folder, absolute. */
    Path dataFolder() {
        return Path.of(configuration().data()).toAbsolutePath();
    }

    /** Prepares the data folder and logging, then starts the bot and its say relay. */
    PdmBot start() {
        BotConfig cfg = configuration();
        Path dataDir = Path.of(cfg.data()).toAbsolutePath();
        DataFolder.prepare(dataDir);
        LogFile.moveTo(dataDir);
        // logged only now: logging earlier would start the log in the working folder instead of the data folder
        Logger log = LoggerFactory.getLogger(Launch.class);
        for (String warning : warnings) log.info("warned: {}", warning);
        PdmBot bot = PdmBot.start(cfg, environment);
        // while this process holds the store, say from another process on this folder is answered here
        bot.closeFirst(SayRelayServer.open(dataDir, (command, out) -> SayCommand.answer(bot, command, out)));
        return bot;
    }

    /** The message a user sees for a startup failure: what went wrong, never a stack trace. */
    static String userMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
