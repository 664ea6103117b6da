package pdmbot.decide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.world.demo.DemoWorld;

/** A bot on a fresh copy of the demo world, spoken to through the chat core (one generated world per test JVM). */
final class DecideBot implements AutoCloseable {

    private static final Path TEMPLATE = generate();

    final PdmBot bot;

    private DecideBot(PdmBot bot) {
        this.bot = bot;
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("pdm-decide-template-");
            DemoWorld.ensure(dir).close();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir.resolve("demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    static BotConfig config(Path data) {
        Path target = data.resolve("demo");
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(TEMPLATE.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(to);
                else Files.copy(source, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BotConfig.defaults().withData(data.toString());
    }

    static DecideBot start(Path data) {
        return start(config(data));
    }

    static DecideBot start(BotConfig config) {
        return new DecideBot(PdmBot.start(config, Map.of()));
    }

    Reply say(String text) {
        String user = bot.config().console().user();
        return bot.core().handle(new ChatRequest("console", user, user, "", null, text, "", Instant.now()));
    }

    String text(String command) {
        return say(command).plainText();
    }

    @Override
    public void close() {
        bot.close();
    }
}
