package pdmbot.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import pdmbot.adapters.console.ConsoleAdapter;
import pdmbot.app.PdmBot;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Console chat on the configured world: the default when no subcommand is given, or {@code console}. */
@Command(name = "console", description = "Console chat (the default without a subcommand): an interactive prompt "
        + "with history on a terminal, one command per line from a pipe; exit 1 when a piped command failed. "
        + "While it runs, `pdm-bot say` on the same data folder is answered by it.")
final class ConsoleCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        return run(main.launch());
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
