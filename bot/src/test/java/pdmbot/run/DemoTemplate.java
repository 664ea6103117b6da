package pdmbot.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import pdmbot.config.BotConfig;
import pdmbot.world.demo.DemoGitLab;

/** One seeded demo emulator folder per test JVM, copied into each test's data folder (seeding takes a few seconds). */
final class DemoTemplate {

    private static final Path TEMPLATE = generate();

    private DemoTemplate() {
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("pdm-demo-template-");
            DemoGitLab.open(dir, BotConfig.defaults().world().demoSeed(), Duration.ZERO).close();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir.resolve("demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a fresh copy of the demo world in {@code <dataDir>/demo}; returns dataDir. */
    static Path copyInto(Path dataDir) {
        Path target = dataDir.resolve("demo");
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(TEMPLATE.relativize(source).toString());
                if (source.getFileName().toString().equals("emulator.lock")) continue;
                if (Files.isDirectory(source)) Files.createDirectories(to);
                else Files.copy(source, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dataDir;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary anyway
        }
    }
}
