package pdmbot.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import pdmbot.app.PdmBot;
import pdmbot.chat.ChatRequest;
import pdmbot.config.BotConfig;
import pdmbot.config.RunConfig;

/**
 * Run in a child JVM by {@link KillNineTest}: a bot on the demo world in a folder, whose simulated pipeline takes a
 * second per migration, starts a PDM run and prints every announcement, until the parent kills it.
 */
public final class RunInChildJvm {

    private RunInChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        BotConfig base = BotConfig.defaults().withData(Path.of(args[0]).toString());
        BotConfig config = base.withRun(new RunConfig("ask", 1, null, null, List.of(), null, null));
        PdmBot bot = PdmBot.start(config, Map.of());
        bot.announcements().subscribe((topic, message) -> {
            System.out.println("ANNOUNCED [" + topic + "] " + message.plainText().replace('\n', ' '));
            System.out.flush();
        });
        String user = config.console().user();
        System.out.println("REPLY " + bot.core().handle(new ChatRequest("console", user, user, "", null,
                "pdm execute --confirm", "", Instant.now())).plainText().replace('\n', ' '));
        System.out.flush();
        Thread.sleep(120_000);
        System.exit(3);
    }
}
