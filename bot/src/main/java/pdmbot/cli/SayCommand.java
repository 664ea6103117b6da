package pdmbot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import pdmbot.adapters.console.ConsoleAdapter;
import pdmbot.app.PdmBot;
import pdmbot.chat.PlainText;
import pdmbot.chat.Reply;
import pdmbot.storage.StoreInUseException;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code say "<command>"}: runs one chat command as the console user, prints the reply, exits 0, 1 or 4. */
@Command(name = "say", description = "Run one chat command as the console user; exit 0 when it succeeded, 1 otherwise, "
        + "4 when a run it started or retried is still going after the wait.")
final class SayCommand implements Callable<Integer> {

    /** A run this command started or retried is still going after the wait (handed over, or driven by the holder). */
    static final int RUN_STILL_GOING = 4;

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "<command>", description = "The command, e.g. \"pdm status\".")
    List<String> words;

    @Option(names = "--wait", paramLabel = "<seconds>", defaultValue = "15",
            description = "How long to wait for a run the command started or retried (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    /**
     * {@code say pdm execute --dry-run} without quotes: an option {@code say} does not know is a word of the chat
     * command, so the words after {@code say} are the command. Its own options (--data, --config, --repo) still work.
     */
    static void takeUnknownOptionsAsWords(picocli.CommandLine say) {
        say.setUnmatchedOptionsArePositionalParams(true);
    }

    /** How long {@code say} waits for a run it started (or resumed) before leaving it to the bot. */
    static final Duration RUN_WAIT = Duration.ofSeconds(15);

    /** How long a drive takes to notice it was handed over: its next step or pipeline poll. */
    private static final Duration HAND_OVER_GRACE = Duration.ofSeconds(30);

    /** How long say waits for the process holding the store to answer, when it is still starting. */
    static final Duration HOLDER_START = Duration.ofSeconds(10);

    private static Optional<RunRecord> newestRun(PdmBot bot) {
        return bot.runs().store().recent(1).stream().findFirst();
    }

    /**
     * When the command started or retried a run, {@code say} waits for it: exit 1 when it failed, so a script sees
     * the failure. A run still going after the wait exits 4: a one-shot {@code say} hands it over (this process stops
     * driving it; a serving bot takes it up), never leaving it looking driven by a process that is gone; a process
     * answering for another {@code say} (a console, serve) keeps driving it.
     */
    private static int outcomeOfRunStarted(PdmBot bot, Optional<RunRecord> newestBefore, PrintStream out, Duration wait,
                                           boolean oneShot) {
        bot.runs().awaitIdle(wait);
        Optional<RunRecord> run = newestRun(bot);
        // only a run this command started or moved counts: 'pdm status' beside a failed run still exits 0
        if (run.isEmpty() || run.equals(newestBefore)) return 0;
        RunRecord r = run.get();
        if (r.state() == RunState.RUNNING && bot.runs().drives(r)) {
            if (!oneShot) {
                out.println("PDM run #" + r.id() + " is still going after " + wait.toSeconds() + " s, at step " + step(bot, r)
                        + "; this bot goes on driving it. Follow it with `pdm run " + r.id() + "`.");
                return RUN_STILL_GOING;
            }
            Optional<RunRecord> handed = bot.runs().handOver(HAND_OVER_GRACE);
            if (handed.isPresent() && handed.get().state() == RunState.RUNNING) {
                out.println("PDM run #" + r.id() + " is still going after " + wait.toSeconds() + " s, at step " + step(bot, r)
                        + ". This one-shot `say` hands it over: a serving bot (`pdm-bot serve` or the console) with"
                        + " `run.on-unfinished: resume` takes it up within 15 s; otherwise `pdm retry " + r.id() + "` resumes it"
                        + " where it is. Follow it with `pdm run " + r.id() + "`.");
                return RUN_STILL_GOING;
            }
            r = newestRun(bot).orElse(r);
        }
        if (r.state() == RunState.FAILED) {
            out.println("PDM run #" + r.id() + " failed: " + r.outcome() + " (`pdm run " + r.id() + "` shows it)");
            return 1;
        }
        return 0;
    }

    private static String step(PdmBot bot, RunRecord run) {
        return bot.runs().currentStep(run.id()).map(s -> s.name()).orElse("its end");
    }

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
            return answer(bot, command, System.out, Duration.ofSeconds(Math.max(0, waitSeconds)), true);
        }
    }

    /** Answers a command relayed from another say: this process holds the store and goes on driving its runs. */
    static int answer(PdmBot bot, String command, PrintStream out) {
        return answer(bot, command, out, RUN_WAIT, false);
    }

    /** Runs the command as the console user, prints the reply and waits for a run it started; say's exit code. */
    static int answer(PdmBot bot, String command, PrintStream out, Duration wait, boolean oneShot) {
        ConsoleAdapter console = new ConsoleAdapter(bot.core()::handle, bot.config().console().user(), out);
        bot.announcements().subscribe(console);
        try {
            Optional<RunRecord> newestBefore = newestRun(bot);
            Reply reply = console.ask(command);
            out.println(PlainText.render(reply));
            if (!reply.isOk()) return 1;
            return outcomeOfRunStarted(bot, newestBefore, out, wait, oneShot);
        } finally {
            bot.announcements().unsubscribe(console);
        }
    }
}
