package pdmbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import pdmbot.app.PdmBot;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;

/** Turns the command line's --config, --data and --repo into a configuration and a started bot. */
final class Launch {

    static final Path DEFAULT_CONFIG = Path.of("pdm-bot.yaml");

    private final Path config;
    private final Path data;
    private final Path repo;

    Launch(Path config, Path data, Path repo) {
        this.config = config;
        this.data = data;
        this.repo = repo;
    }

    BotConfig configuration() {
        Map<String, String> env = System.getenv();
        Path file = config != null ? config : (Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null);
        BotConfig loaded = ConfigLoader.load(file, env);
        if (data != null) loaded = loaded.withData(data.toString());
        if (repo != null) {
            BotConfig.World w = loaded.world();
            loaded = loaded.withWorld(new BotConfig.World("git", w.demoSeed(), repo.toString(), w.refPattern(), w.gitlab()));
        }
        return loaded;
    }

    /** Prepares the data folder and logging, then starts the bot. */
    PdmBot start() {
        BotConfig cfg = configuration();
        Path dataDir = Path.of(cfg.data()).toAbsolutePath();
        PdmBot.prepareDataFolder(dataDir);
        LogFile.moveTo(dataDir);
        return PdmBot.start(cfg, System.getenv());
    }

    /** The message a user sees for a startup failure: what went wrong, never a stack trace. */
    static String userMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
