package pdmbot.decide;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;
import pdmbot.run.DemoTemplate;

/** A bot on a fresh copy of the demo world ({@link DemoTemplate}: one generated per test JVM), spoken to through the chat core. */
final class DecideBot implements AutoCloseable {

    final PdmBot bot;

    private DecideBot(PdmBot bot) {
        this.bot = bot;
    }

    static BotConfig config(Path data) {
        return BotConfig.defaults().withData(DemoTemplate.copyInto(data).toString());
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
