package pdmbot.run;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.UsageException;
import pdmbot.ledger.Times;
import pdmbot.rules.checks.CheckReport;
import pdmbot.rules.checks.Verdict;
import pdmbot.storage.runs.AttemptState;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;

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
        if (!invocation.has("confirm")) return confirmation(run.get());
        RunService.RetryResult result = runs.retry(id, invocation.caller());
        if (result instanceof RunService.NotRetryable no) return Reply.refused(capitalise(no.reason()) + ".");
        if (result instanceof RunService.RetryStopped stopped) {
            Reply.Builder reply = Reply.builder(Reply.Outcome.REFUSED)
                    .text((stopped.state() == AttemptState.CANCELLED ? "The retry is cancelled" : "The retry failed its checks")
                            + ": " + RunReplies.stoppers(stopped.report()) + ". Nothing ran.");
            RunReplies.checksTable(reply, stopped.report());
            return reply.note("Recorded as attempt " + stopped.runAttempt() + " of run #" + id + " (" + stopped.state().id()
                    + "); the run stays failed and keeps its locks. `pdm retry " + id + "` again once the checks pass.").build();
        }
        if (!(result instanceof RunService.Resumed resumed))
            throw new IllegalStateException("a retry result that is none of its permitted cases: " + result);
        String step = resumed.from().name();
        String attempt = resumed.from().state() == StepState.RUNNING
                ? "continuing attempt " + resumed.stepAttempt() + " of the step, interrupted when its instance stopped"
                : "attempt " + resumed.stepAttempt();
        Reply.Builder reply = Reply.builder()
                .text("Resuming run #" + id + " from step " + step + " (" + attempt + "), asked by " + invocation.caller() + "."
                        + ScopedPlans.limitedTo(runs.store().scope(id)));
        // The checks were shown with the confirmation; warnings made since are shown again.
        if (resumed.report().verdict() == Verdict.WARN) RunReplies.checksTable(reply, resumed.report());
        return reply.build();
    }

    /** Why the run stopped, the checks of this moment, and a button when they let the retry go. */
    private Reply confirmation(RunRecord run) {
        long id = run.id();
        Optional<StepRecord> at = runs.currentStep(id);
        String step = at.map(StepRecord::name).orElse("its end");
        RunChecks.Result checked = runs.checkRetry(id);
        CheckReport report = checked.report();
        Reply.Builder reply = Reply.builder(report.verdict().allowsTheRun() ? Reply.Outcome.OK : Reply.Outcome.REFUSED)
                .text("Run #" + id + " stopped at step " + step + ": " + whyItStopped(run, at) + ".");
        RunReplies.checksTable(reply, report);
        if (!report.verdict().allowsTheRun())
            return reply.text("The production checks stop a retry now: " + RunReplies.stoppers(report) + ".")
                    .note("Nothing was changed; the run stays failed and keeps its locks.").build();
        return reply.text("Retrying resumes it from " + step + "; steps already done are not repeated.")
                .buttons(List.of(RunReplies.dangerButton("Retry run #" + id, "pdm retry " + id + " --confirm",
                        "Resume run #" + id + " from " + step + "? Make sure the failure is understood first.")))
                .note("Or type `pdm retry " + id + " --confirm`.")
                .build();
    }

    /** The failure, or for a run its instance left running, that it was interrupted; never nothing. */
    static String whyItStopped(RunRecord run, Optional<StepRecord> at) {
        if (!run.outcome().isBlank()) return run.outcome();
        Optional<String> stepOutcome = at.map(StepRecord::outcome).filter(o -> !o.isBlank());
        if (stepOutcome.isPresent()) return stepOutcome.get();
        String heard = run.heartbeatAt() == null ? "" : " (last heard of at " + Times.utc(run.heartbeatAt()) + ")";
        if (run.owner() == null) return "it was handed over mid-step and no instance drives it" + heard;
        return "it was interrupted: its instance " + run.owner() + " stopped before the step ended" + heard;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
