package pdmbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.ChatCore;
import pdmbot.chat.Command;
import pdmbot.chat.HelpCommand;
import pdmbot.chat.RoleDirectory;
import pdmbot.chat.Router;
import pdmbot.config.BotConfig;
import pdmbot.config.InvalidConfigurationException;

/** The assembled bot: configuration, store, world, rules and the chat core over them. */
public final class PdmBot implements AutoCloseable {

    private final BotConfig config;
    private final ChatCore core;

    private PdmBot(BotConfig config, ChatCore core) {
        this.config = config;
        this.core = core;
    }

    public static PdmBot start(BotConfig config, Map<String, String> environment) {
        AtomicReference<Router> router = new AtomicReference<>();
        List<Command> commands = new ArrayList<>();
        commands.add(new HelpCommand(router::get));
        router.set(new Router(commands));
        ChatCore core = new ChatCore(router.get(), roles(config), AuditTrail.NONE);
        return new PdmBot(config, core);
    }

    static RoleDirectory roles(BotConfig config) {
        Map<String, Set<String>> managers = new HashMap<>();
        config.roles().releaseManagers().forEach((platform, ids) -> managers.put(platform, new HashSet<>(ids)));
        if (config.console().releaseManager())
            managers.computeIfAbsent("console", p -> new HashSet<>()).add(config.console().user());
        return RoleDirectory.configured(managers);
    }

    /** Creates the data folder, or says clearly why it cannot be used. */
    public static void prepareDataFolder(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot create the data folder " + dataDir + " ("
                    + e.getClass().getSimpleName() + "): choose another with --data");
        }
        if (!Files.isWritable(dataDir))
            throw new InvalidConfigurationException("the data folder " + dataDir
                    + " is not writable: choose another with --data");
    }

    public ChatCore core() {
        return core;
    }

    public BotConfig config() {
        return config;
    }

    /** One line saying what the bot runs on, for banners and logs. */
    public String describe() {
        return "on the " + config.world().kind() + " world, " + config.store().kind() + " store in " + config.data();
    }

    @Override
    public void close() {
    }
}
