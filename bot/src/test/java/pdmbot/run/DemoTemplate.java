package pdmbot.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import pdmbot.config.BotConfig;

/** One seeded demo emulator folder per test JVM, copied into each test's data folder (seeding takes a few seconds). */
public final class DemoTemplate {

    private static final Path TEMPLATE = generate();
    /** The template store's ledger, package by package, oldest first: what each test's store gets without asking GitLab. */
    private static final java.util.LinkedHashMap<pdmbot.domain.PackageVersion, List<pdmbot.storage.ledger.LedgerChange>> LEDGER = ledger();

    private DemoTemplate() {
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("pdm-demo-template-");
            // a bot started once: the emulator seeded, the store's ledger caught up and the pending migrations
            // classified (what every test would redo)
            try (pdmbot.app.PdmBot bot = pdmbot.app.PdmBot.start(BotConfig.defaults().withData(dir.toString()), java.util.Map.of())) {
                String user = bot.config().console().user();
                bot.core().handle(new pdmbot.chat.ChatRequest("console", user, user, "", null, "pdm status", "",
                        java.time.Instant.now()));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The git repository of the emulator's canonical project ({@code gitlab-org/gitlab}) in a data folder. */
    public static Path canonicalRepository(Path dataDir) {
        return dataDir.resolve("demo").resolve("gitlab-emulator").resolve("repositories")
                .resolve(pdmbot.world.demo.DemoSeed.CANONICAL + ".git");
    }

    /**
     * Puts a fresh copy of the demo world in {@code <dataDir>/demo} and of the store whose ledger has read it in
     * {@code <dataDir>/pdm-bot.mv.db} (no run, no lock); returns dataDir.
     */
    public static Path copyInto(Path dataDir) {
        Path target = dataDir;
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(TEMPLATE.relativize(source).toString());
                String name = source.getFileName().toString();
                if (name.equals("emulator.lock") || name.equals("instance-id") || name.endsWith(".log")) continue;
                if (Files.isDirectory(source)) Files.createDirectories(to);
                else Files.copy(source, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataDir;
    }

    private static java.util.LinkedHashMap<pdmbot.domain.PackageVersion, List<pdmbot.storage.ledger.LedgerChange>> ledger() {
        java.util.LinkedHashMap<pdmbot.domain.PackageVersion, List<pdmbot.storage.ledger.LedgerChange>> byPackage = new java.util.LinkedHashMap<>();
        Path copy = copyInto(temporary("pdm-demo-ledger-"));
        try (pdmbot.storage.Database store = pdmbot.storage.Database.open(pdmbot.storage.StorageSettings.h2(copy))) {
            pdmbot.storage.ledger.LedgerStore ledger = store.stores().ledger();
            for (pdmbot.domain.PackageVersion p : ledger.packages()) byPackage.put(p, new ArrayList<>());
            for (pdmbot.domain.PostMigration m : ledger.allMigrations())
                for (pdmbot.storage.ledger.LedgerEntry e : ledger.changesOf(m.version()))
                    byPackage.get(e.packageVersion()).add(switch (e.kind()) {
                        case ADDED -> pdmbot.storage.ledger.LedgerChange.added(e.migration(), e.commitSha(), e.contentHash());
                        case MODIFIED -> pdmbot.storage.ledger.LedgerChange.modified(e.migration(), e.commitSha(), e.contentHash());
                        case REMOVED -> pdmbot.storage.ledger.LedgerChange.removed(e.migration(), e.commitSha());
                    });
        } finally {
            delete(copy);
        }
        return byPackage;
    }

    private static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gives an empty store the template's ledger (the demo world's 36 packages as the bot ingested them), so a test
     * on its own store does not read every package over the emulator's API again; a store with a ledger is left alone.
     */
    static void copyLedgerInto(pdmbot.storage.ledger.LedgerStore target) {
        if (target.packageCount() > 0) return;
        LEDGER.forEach(target::recordPackage);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary anyway
        }
    }
}
