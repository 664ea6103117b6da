package pdmbot.decide;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.run.DemoTemplate;

/** A bot on a fresh copy of the demo world, spoken to through the chat core (one seeded template per test JVM). */
final class DecideBot implements AutoCloseable {

    final PdmBot bot;

    private DecideBot(PdmBot bot) {
        this.bot = bot;
    }

    /** A fresh copy of the seeded demo world (the run tests' template: emulator and store) in {@code data}. */
    static BotConfig config(Path data) {
        DemoTemplate.copyInto(data);
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
