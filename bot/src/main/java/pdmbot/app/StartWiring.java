package pdmbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.RoleDirectory;
import pdmbot.classification.Classifications;
import pdmbot.config.BotConfig;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.config.Secrets;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.LedgerIngestion;
import pdmbot.rules.classify.RuleBook;
import pdmbot.rules.classify.TableSizes;
import pdmbot.rules.classify.UnableToCompileRulesException;
import pdmbot.storage.Database;
import pdmbot.storage.Stores;

/** What the start opens before the features: the store, the ledger, the classification's rules and table sizes, the roles. */
final class StartWiring {

    /** The start's lines keep the bot's logger name, as before this class was split out of PdmBot. */
    private static final Logger log = LoggerFactory.getLogger(PdmBot.class);

    private StartWiring() {
    }

    /** The ledger over the store and the world, caught up with the packages the world has now. */
    static Ledger ledger(Worlds.Opened world, Stores stores, String instance) {
        LedgerIngestion ingestion = new LedgerIngestion(world.world().packages(), stores.ledger(),
                stores.releaseNotes(), world.world().releaseNotes());
        Ledger ledger = new Ledger(stores.ledger(), world.world(), ingestion, Duration.ofSeconds(30));
        LedgerIngestion.Report caughtUp = ingestion.catchUp();
        log.info("started on {} as instance {}; ledger: {} package(s) seen, {} ingested", world.world().description(),
                instance, caughtUp.packagesSeen(), caughtUp.ingested().size());
        return ledger;
    }

    /** The classifications of {@code rules}: the built-in rules, or with a rules folder's, which must compile now. */
    static Classifications classifications(BotConfig config, Stores stores, Clock clock) {
        Path folder = config.rules().folder() == null || config.rules().folder().isBlank() ? null : Path.of(config.rules().folder());
        if (folder != null && !Files.isDirectory(folder))
            throw new InvalidConfigurationException("rules.folder " + folder + " is not a folder of .drl files");
        TableSizes sizes = TableSizes.defaults();
        String sizesFile = config.rules().tableSizes();
        if (sizesFile != null && !sizesFile.isBlank()) {
            try {
                sizes = TableSizes.parse(Files.readString(Path.of(sizesFile)));
            } catch (IOException e) {
                throw new InvalidConfigurationException("cannot read rules.table-sizes " + sizesFile + ": "
                        + e.getClass().getSimpleName());
            }
        }
        if (folder == null) return new Classifications(RuleBook::builtIn, sizes, stores.classifications(), clock);
        // Rules are all or nothing: with a rules folder they compile now, and a file that does not stops the start.
        RuleBook book;
        try {
            book = RuleBook.withExtras(folder);
        } catch (UnableToCompileRulesException e) {
            throw new InvalidConfigurationException("rules.folder: " + e.getMessage()
                    + "\nFix or remove the file; nothing was started.", e);
        }
        return new Classifications(() -> book, sizes, stores.classifications(), clock);
    }

    /** The store {@code store.kind} names: H2 in the data folder, or PostgreSQL with its password from the secrets. */
    static Database openStore(BotConfig config, Secrets secrets, Path dataDir, Clock clock) {
        BotConfig.Store store = config.store();
        if (store.kind().equals("postgres")) {
            if (store.postgresUrl() == null || store.postgresUrl().isBlank())
                throw new InvalidConfigurationException("store.kind is postgres but store.postgres-url is empty");
            String password = secrets.read(store.postgresPasswordEnv(), store.postgresPasswordFile()).orElse("");
            return Database.open(pdmbot.storage.StorageSettings.postgres(store.postgresUrl(),
                    store.postgresUser() == null ? "" : store.postgresUser(), password), clock);
        }
        return Database.open(pdmbot.storage.StorageSettings.h2(dataDir), clock);
    }

    /** Release managers by platform, the console's user among them when {@code console.release-manager}. */
    static RoleDirectory roles(BotConfig config) {
        Map<String, Set<String>> managers = new HashMap<>();
        config.roles().releaseManagers().forEach((platform, ids) -> managers.put(platform, new HashSet<>(ids)));
        if (config.console().releaseManager())
            managers.computeIfAbsent("console", p -> new HashSet<>()).add(config.console().user());
        return RoleDirectory.configured(managers);
    }
}
