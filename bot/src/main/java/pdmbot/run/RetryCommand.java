package pdmbot.run;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.UsageException;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.StepRecord;

/** {@code pdm retry <run>}: resumes a failed (or interrupted) run from its failed step, after confirmation. */
public final class RetryCommand implements Command {

    private final RunService runs;

    public RetryCommand(RunService runs) {
        this.runs = runs;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm retry")
                .description("Resumes a failed PDM run from the step that failed (asks to confirm).")
                .releaseManagersOnly()
                .argument("run", "the run number")
                .flag("confirm", "resumes it without asking")
                .exampleRefused("pdm retry 1", "on a fresh demo world: there is no run #1 until `pdm execute --confirm` starts one")
                .handledBy(this::retry);
    }

    static long runId(String word) {
        String digits = word.startsWith("#") ? word.substring(1) : word;
        try {
            long id = Long.parseLong(digits);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("\"" + word + "\" is not a run number; `pdm runs` lists them");
    }

    private Reply retry(Invocation invocation) {
        long id = runId(invocation.argument("run"));
        Optional<RunRecord> run = runs.store().run(id);
        if (run.isEmpty()) return Reply.refused("There is no run #" + id + "; `pdm runs` lists them.");
        if (!run.get().isActive())
            return Reply.refused("Run #" + id + " is " + run.get().state().id() + "; only a failed or interrupted run can be retried.");
        if (!invocation.has("confirm")) {
            String step = runs.currentStep(id).map(StepRecord::name).orElse("its end");
            return Reply.builder()
                    .text("Run #" + id + " stopped at step " + step + ": " + run.get().outcome())
                    .text("Retrying resumes it from " + step + "; steps already done are not repeated.")
                    .buttons(List.of(RunReplies.dangerButton("Retry run #" + id, "pdm retry " + id + " --confirm",
                            "Resume run #" + id + " from " + step + "? Make sure the failure is understood first.")))
                    .note("Or type `pdm retry " + id + " --confirm`.")
                    .build();
        }
        RunService.RetryResult result = runs.retry(id);
        if (result instanceof RunService.NotRetryable no) return Reply.refused(capitalise(no.reason()) + ".");
        RunService.Resumed resumed = (RunService.Resumed) result;
        return Reply.ok("Resuming run #" + id + " from step " + resumed.from().name() + " (attempt "
                + (resumed.from().attempt() + 1) + "), asked by " + invocation.caller() + ".");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
