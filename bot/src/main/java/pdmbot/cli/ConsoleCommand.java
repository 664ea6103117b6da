package pdmbot.cli;

import java.nio.file.Path;
import pdmbot.adapters.console.ConsoleAdapter;
import pdmbot.app.PdmBot;

/** The default subcommand: console chat on the configured world. */
final class ConsoleCommand {

    private ConsoleCommand() {
    }

    static int run(Launch launch) throws Exception {
        try (PdmBot bot = launch.start()) {
            ConsoleAdapter console = new ConsoleAdapter(bot.core()::handle, bot.config().console().user(), System.out);
            bot.announcements().subscribe(console);
            bot.driveUnfinishedRuns();
            String banner = "pdm-bot " + bot.describe() + "\nType `help` for the commands, `exit` to leave.";
            return console.run(System.in, Path.of(bot.config().data()).resolve("console-history"), banner);
        }
    }
}
