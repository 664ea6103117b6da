package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.config.BotConfig;

/** A bot on the demo world in a test's folder, spoken to through the chat core, with its announcements collected. */
final class TestBot implements AutoCloseable {

    record Announcement(String topic, Reply message) {
        String text() {
            return message.plainText();
        }
    }

    final PdmBot bot;
    final List<Announcement> announcements = java.util.Collections.synchronizedList(new ArrayList<>());

    private TestBot(PdmBot bot) {
        this.bot = bot;
        bot.announcements().subscribe((topic, message) -> announcements.add(new Announcement(topic, message)));
    }

    /** The default configuration on a data folder holding a fresh copy of the demo world. */
    static BotConfig config(Path data) {
        if (!java.nio.file.Files.exists(data.resolve("demo"))) DemoTemplate.copyInto(data);
        return BotConfig.defaults().withData(data.toString());
    }

    static TestBot start(BotConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** A bot as the console and {@code serve} run it: it drives runs it did not start (resumes or announces them). */
    static TestBot start(BotConfig config, Clock clock) {
        TestBot bot = new TestBot(PdmBot.start(config, Map.of(), clock));
        bot.bot.driveUnfinishedRuns();
        return bot;
    }

    /** A bot started by the test itself (its own configuration and environment), spoken to like the others. */
    static TestBot wrap(PdmBot bot) {
        return new TestBot(bot);
    }

    /** A bot as a one-shot {@code say} runs it: it drives only a run its own command starts or retries. */
    static TestBot startForSay(BotConfig config) {
        return new TestBot(PdmBot.start(config, Map.of(), Clock.systemUTC()));
    }

    Reply say(String text) {
        String user = bot.config().console().user();
        return bot.core().handle(new ChatRequest("console", user, user, "", null, text, "", Instant.now()));
    }

    /** A user who is not a release manager. */
    Reply sayAsGuest(String text) {
        return bot.core().handle(new ChatRequest("slack", "U0GUEST", "guest", "C1", null, text, "", Instant.now()));
    }

    /** The demo's GitLab emulator as the test reads and drives it. */
    DemoProbe demo() {
        return new DemoProbe(Path.of(bot.config().data()), bot.ledger().world());
    }

    RunService runs() {
        return bot.runs();
    }

    void awaitIdle() {
        assertThat(runs().awaitIdle(Duration.ofSeconds(60))).as("the run stopped moving in time").isTrue();
    }

    List<String> announcementTexts() {
        synchronized (announcements) {
            return announcements.stream().map(Announcement::text).toList();
        }
    }

    @Override
    public void close() {
        bot.close();
    }
}
