package pdmbot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import pdmbot.storage.StoreInUseException;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
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

    /** How long {@code say} waits for a run it started (or resumed) before leaving it to the bot. */
    static final Duration RUN_WAIT = Duration.ofSeconds(15);

    private static Optional<RunRecord> newestRun(PdmBot bot) {
        return bot.runs().store().recent(1).stream().findFirst();
    }

    /**
     * When the command started or resumed a run, {@code say} waits a little for it: exit 1 when it failed, so a
     * script sees the failure; a run still going on is left running (the bot resumes it) and said so.
     */
    private static int outcomeOfRunStarted(PdmBot bot, Optional<RunRecord> newestBefore, PrintStream out) {
        bot.runs().awaitIdle(RUN_WAIT);
        Optional<RunRecord> run = newestRun(bot);
        // only a run this command started or moved counts: 'pdm status' beside a failed run still exits 0
        if (run.isEmpty() || run.equals(newestBefore)) return 0;
        RunRecord r = run.get();
        if (r.state() == RunState.FAILED) {
            out.println("PDM run #" + r.id() + " failed: " + r.outcome() + " (`pdm run " + r.id() + "` shows it)");
            return 1;
        }
        if (r.state() == RunState.RUNNING)
            out.println("PDM run #" + r.id() + " is still running; the bot resumes it on its next start or from "
                    + "another instance (`pdm run " + r.id() + "`).");
        return 0;
    }

    /** How long say waits for the process holding the store to answer, when it is still starting. */
    static final Duration HOLDER_START = Duration.ofSeconds(10);

    /**
     * When another pdm-bot process holds this data folder's store (a console, serve, another say), it runs the
     * command and the reply comes from there; else this process opens the store itself.
     */
    @Override
    public Integer call() {
        String command = String.join(" ", words);
        Path dataDir = main.launch().dataFolder();
        OptionalInt relayed = SayRelayClient.relay(dataDir, command, System.out, System.err);
        if (relayed.isPresent()) return relayed.getAsInt();
        PdmBot started;
        try {
            started = main.launch().start();
        } catch (StoreInUseException e) {
            OptionalInt late = SayRelayClient.relayWhenReady(dataDir, command, System.out, System.err, HOLDER_START);
            if (late.isPresent()) return late.getAsInt();
            throw e;
        }
        try (PdmBot bot = started) {
            return answer(bot, command, System.out);
        }
    }

    /** Runs the command as the console user, prints the reply and waits for a run it started; say's exit code. */
    static int answer(PdmBot bot, String command, PrintStream out) {
        ConsoleAdapter console = new ConsoleAdapter(bot.core()::handle, bot.config().console().user(), out);
        bot.announcements().subscribe(console);
        try {
            Optional<RunRecord> newestBefore = newestRun(bot);
            Reply reply = console.ask(command);
            out.println(PlainText.render(reply));
            if (!reply.isOk()) return 1;
            return outcomeOfRunStarted(bot, newestBefore, out);
        } finally {
            bot.announcements().unsubscribe(console);
        }
    }
}
