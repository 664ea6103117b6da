package pdmbot.cli;

import java.util.List;
import java.util.concurrent.Callable;
import pdmbot.adapters.console.ConsoleAdapter;
import pdmbot.app.PdmBot;
import pdmbot.chat.PlainText;
import pdmbot.chat.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code say "<command>"}: runs one chat command as the console user, prints the reply, exits 0 or 1. */
@Command(name = "say", description = "Run one chat command as the console user; exit 0 when it succeeded, 1 otherwise.")
final class SayCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "<command>", description = "The command, e.g. \"pdm status\".")
    List<String> words;

    @Override
    public Integer call() {
        try (PdmBot bot = main.launch().start()) {
            ConsoleAdapter console = new ConsoleAdapter(bot.core()::handle, bot.config().console().user(), System.out);
            bot.announcements().subscribe(console);
            Reply reply = console.ask(String.join(" ", words));
            System.out.println(PlainText.render(reply));
            return reply.isOk() ? 0 : 1;
        }
    }
}
