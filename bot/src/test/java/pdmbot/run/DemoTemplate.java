package pdmbot.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import pdmbot.world.demo.DemoWorld;

/** One generated demo world per test JVM, copied into each test's data folder (generating takes about a second). */
public final class DemoTemplate {

    private static final Path TEMPLATE = generate();

    private DemoTemplate() {
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("pdm-demo-template-");
            DemoWorld.ensure(dir).close();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir.resolve("demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a fresh copy of the demo world in {@code <dataDir>/demo}; returns dataDir. */
    public static Path copyInto(Path dataDir) {
        Path target = dataDir.resolve("demo");
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(TEMPLATE.relativize(source).toString());
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
