package pdmbot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import pdmbot.app.PdmBot;
import pdmbot.dashboard.DashboardSources;
import pdmbot.serve.ServeRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: the chat adapters enabled in the configuration plus the HTTP server, until stopped. */
@Command(name = "serve", description = "Run the adapters enabled in the configuration (Slack, Discord) and the HTTP "
        + "server (/healthz, /healthz/live, /metrics, /dashboard, /slack/events) until stopped with Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        PdmBot bot = main.launch().start();
        ServeRunner.Serving serving;
        try {
            serving = ServeRunner.start(bot.config(), bot.core(), bot.interactions(), bot.instance(), System.getenv(),
                    bot.announcements(), new ServeRunner.Extras(bot.endpoints(), bot.metrics().slackErrors(),
                            DashboardSources.of(bot, java.time.Clock.systemUTC())));
        } catch (Exception e) {
            bot.close();
            throw e;
        }
        bot.driveUnfinishedRuns();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            serving.close();
            bot.close();
            stopped.countDown();
        }, "pdm-bot-shutdown"));
        System.out.println("pdm-bot serving " + bot.describe() + "; HTTP on " + bot.config().http().bind() + ":"
                + serving.httpPort() + " (/healthz, /healthz/live, /metrics, /dashboard" + (bot.config().slack().enabled() && "http".equals(bot.config().slack().mode())
                ? ", /slack/events" : "") + "); Slack " + (bot.config().slack().enabled() ? "on (" + bot.config().slack().mode() + ")" : "off")
                + ", Discord " + (bot.config().discord().enabled() ? "on" : "off") + ". Ctrl-C stops.");
        stopped.await();
        return 0;
    }
}
