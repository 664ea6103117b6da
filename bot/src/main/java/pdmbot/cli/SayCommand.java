package pdmbot.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import pdmbot.adapters.console.ConsoleAdapter;
import pdmbot.app.PdmBot;
import pdmbot.chat.PlainText;
import pdmbot.chat.Reply;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code say "<command>"}: runs one chat command as the console user, prints the reply, exits 0, 1 or 4. */
@Command(name = "say", description = "Run one chat command as the console user; exit 0 when it succeeded, 1 otherwise, "
        + "4 when a run it started or retried is still going and was handed over.")
final class SayCommand implements Callable<Integer> {

    /** A run this command started or retried is still going after the wait: handed over to a serving instance. */
    static final int RUN_HANDED_OVER = 4;

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "<command>", description = "The command, e.g. \"pdm status\".")
    List<String> words;

    @Option(names = "--wait", paramLabel = "<seconds>", defaultValue = "15",
            description = "How long to wait for a run the command started or retried (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    /** How long a drive takes to notice it was handed over: its next step or pipeline poll. */
    private static final Duration HAND_OVER_GRACE = Duration.ofSeconds(30);

    private static Optional<RunRecord> newestRun(PdmBot bot) {
        return bot.runs().store().recent(1).stream().findFirst();
    }

    /**
     * When the command started or retried a run, {@code say} waits for it: exit 1 when it failed, so a script sees
     * the failure; a run still going after the wait is handed over (no instance of this process drives it any more;
     * a serving bot takes it at once) and said so, with exit 4. A run is never left looking driven by a dead process.
     */
    private int outcomeOfRunStarted(PdmBot bot, Optional<RunRecord> newestBefore) {
        bot.runs().awaitIdle(Duration.ofSeconds(Math.max(0, waitSeconds)));
        Optional<RunRecord> run = newestRun(bot);
        // only a run this command started or moved counts: 'pdm status' beside a failed run still exits 0
        if (run.isEmpty() || run.equals(newestBefore)) return 0;
        RunRecord r = run.get();
        if (r.state() == RunState.RUNNING && bot.runs().drives(r)) {
            String step = bot.runs().currentStep(r.id()).map(s -> s.name()).orElse("its end");
            Optional<RunRecord> handed = bot.runs().handOver(HAND_OVER_GRACE);
            if (handed.isPresent() && handed.get().state() == RunState.RUNNING) {
                step = bot.runs().currentStep(r.id()).map(s -> s.name()).orElse("its end");
                System.out.println("PDM run #" + r.id() + " is still going after " + waitSeconds + " s, at step " + step
                        + ". This one-shot `say` hands it over: a serving bot (`pdm-bot serve` or the console) with"
                        + " `run.on-unfinished: resume` takes it up within 15 s; otherwise `pdm retry " + r.id() + "` resumes it"
                        + " where it is. Follow it with `pdm run " + r.id() + "`.");
                return RUN_HANDED_OVER;
            }
            r = newestRun(bot).orElse(r);
        }
        if (r.state() == RunState.FAILED) {
            System.out.println("PDM run #" + r.id() + " failed: " + r.outcome() + " (`pdm run " + r.id() + "` shows it)");
            return 1;
        }
        return 0;
    }

    @Override
    public Integer call() {
        try (PdmBot bot = main.launch().start()) {
            ConsoleAdapter console = new ConsoleAdapter(bot.core()::handle, bot.config().console().user(), System.out);
            bot.announcements().subscribe(console);
            Optional<RunRecord> newestBefore = newestRun(bot);
            Reply reply = console.ask(String.join(" ", words));
            System.out.println(PlainText.render(reply));
            if (!reply.isOk()) return 1;
            return outcomeOfRunStarted(bot, newestBefore);
        }
    }
}
