package pdmbot.run;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.CommandSpec;
import pdmbot.ledger.MigrationNatures;
import pdmbot.rules.checks.CheckReport;
import pdmbot.rules.checks.Verdict;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.StepRecord;

/** {@code pdm execute [--dry-run]}: the production checks, then (confirmed) the PDM run. */
public final class ExecuteCommand implements Command {

    static final String CONFIRM = "pdm execute --confirm";

    private final RunService runs;
    private final MigrationNatures natures;
    private final SubsetPlanner subsets;

    public ExecuteCommand(RunService runs, MigrationNatures natures) {
        this(runs, natures, SubsetPlanner.NONE);
    }

    /** With {@code --only} answered by {@code subsets} (the run decisions). */
    public ExecuteCommand(RunService runs, MigrationNatures natures, SubsetPlanner subsets) {
        this.runs = runs;
        this.natures = natures;
        this.subsets = subsets;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm execute")
                .alias("post_deploy_migrations execute")
                .description("Runs the production checks, then the post-deploy migrations: gstg, QA, gprd (asks to confirm; --dry-run only shows).")
                .releaseManagersOnly()
                .flag("dry-run", "only shows the checks and what would run; changes nothing")
                .flag("confirm", "starts the run without asking")
                .option("only", "nature|version,...", "only these natures or versions, in version order (refused when one would run before an earlier pending one on its table)")
                .example("pdm execute --dry-run")
                .example("pdm execute")
                .example("pdm execute --confirm")
                .example("pdm execute --only sidekiq_only --dry-run")
                .handledBy(this::execute);
    }

    private Reply execute(Invocation invocation) {
        boolean dryRun = invocation.has("dry-run");
        if (invocation.option("only").isPresent()) {
            if (dryRun) return subsets.plan(invocation.option("only").get(), true);
            return subset(invocation, invocation.option("only").get());
        }
        Optional<RunRecord> active = runs.active();
        if (active.isPresent() && !dryRun) return busy(active.get());

        RunChecks.Result checked = runs.check();
        CheckReport report = checked.report();
        if (dryRun) {
            Reply.Builder reply = Reply.builder().heading("Dry run: production checks and what would run");
            RunReplies.checksTable(reply, report);
            RunReplies.planTable(reply, checked.plan(), natures);
            String expected = runs.expected(checked.plan());
            if (!expected.isEmpty()) reply.text(expected);
            active.ifPresent(run -> reply.note("Note: " + RunReplies.describe(run) + " is active; a run cannot start until it ends."));
            return reply.note(verdictLine(report) + " Nothing was changed.").build();
        }
        if (!invocation.has("confirm")) {
            if (!report.verdict().allowsTheRun()) return stopped(report, "The checks stop the run", Optional.empty());
            Reply.Builder reply = Reply.builder().heading("Production checks passed — confirm the PDM run");
            RunReplies.checksTable(reply, report);
            RunReplies.planTable(reply, checked.plan(), natures);
            return reply.buttons(List.of(RunReplies.dangerButton("Execute post-deploy migrations", CONFIRM,
                            "Run the post-deploy migrations: " + runs.plan().targetsLine() + "? Migrations cannot be rolled back.")))
                    .note("Or type `" + CONFIRM + "`. " + verdictLine(report))
                    .build();
        }

        return started(runs.start(invocation.caller(), checked), report, Optional.empty());
    }

    /**
     * {@code pdm execute --only …}: the subset as the decisions resolve it (did-you-mean, out-of-order refusal), the
     * production checks of this moment as for a whole run, the danger button, then the run limited to that scope.
     */
    private Reply subset(Invocation invocation, String only) {
        Optional<RunRecord> active = runs.active();
        if (active.isPresent()) return busy(active.get());
        SubsetPlanner.Subset subset = subsets.choose(only, java.util.Set.copyOf(runs.plan().environments()), "--only " + only);
        if (subset instanceof SubsetPlanner.Refused refused) return refused.reply();
        SubsetPlanner.Chosen chosen = (SubsetPlanner.Chosen) subset;
        RunChecks.Result checked = runs.check();
        CheckReport report = checked.report();
        if (!invocation.has("confirm")) {
            if (!report.verdict().allowsTheRun()) return stopped(report, "The checks stop the run", Optional.empty());
            String confirm = "pdm execute --only " + only + " --confirm";
            Reply.Builder reply = Reply.builder().heading("Production checks passed — confirm the PDM run of `--only " + only + "`: "
                    + chosen.rows().size() + (chosen.rows().size() == 1 ? " migration" : " migrations"));
            RunReplies.checksTable(reply, report);
            reply.table(chosen.headers(), chosen.rows());
            return reply.buttons(List.of(RunReplies.dangerButton("Execute these post-deploy migrations", confirm,
                            "Run only these post-deploy migrations: " + runs.plan().targetsLine() + "? Migrations cannot be rolled back.")))
                    .note("Every other pending migration stays pending. Or type `" + confirm + "`. " + verdictLine(report))
                    .build();
        }
        return started(runs.start(invocation.caller(), checked, Optional.of(chosen.scope())), report, Optional.of(chosen));
    }

    private Reply started(RunService.StartResult started, CheckReport report, Optional<SubsetPlanner.Chosen> chosen) {
        if (started instanceof RunService.Busy busy) return busy(busy.active());
        if (started instanceof RunService.Stopped stopped)
            return stopped(report, stopped.run().state() == RunState.CANCELLED ? "The run is cancelled" : "The run failed its checks",
                    Optional.of(stopped.run()));
        if (!(started instanceof RunService.Started begun))
            throw new IllegalStateException("a start result that is none of its permitted cases: " + started);
        RunRecord run = begun.run();
        Reply.Builder reply = Reply.builder()
                .heading("PDM run #" + run.id() + " started by " + run.startedBy())
                .text("Steps: " + runs.plan().stepsLine() + ". Every step is "
                        + "announced in the run's thread; `pdm run " + run.id() + "` shows where it is.");
        chosen.ifPresent(c -> reply.text("Limited to `" + c.scope().only() + "`: " + c.rows().size()
                + (c.rows().size() == 1 ? " migration" : " migrations") + "; every other pending migration stays pending.")
                .table(c.headers(), c.rows()));
        RunReplies.checksTable(reply, report);
        return reply.build();
    }

    private static String verdictLine(CheckReport report) {
        Verdict verdict = report.verdict();
        if (verdict == Verdict.PASS) return "Every check passed.";
        if (verdict == Verdict.WARN) return "Checks passed with warnings.";
        if (verdict == Verdict.CANCEL) return "A run now would be cancelled.";
        return "A run now would fail its checks.";
    }

    private Reply stopped(CheckReport report, String why, Optional<RunRecord> recorded) {
        String reasons = String.join("; ", report.stoppers().stream().map(o -> o.reason()).toList());
        Reply.Builder reply = Reply.builder(Reply.Outcome.REFUSED)
                .text(why + ": " + reasons + ".");
        RunReplies.checksTable(reply, report);
        recorded.ifPresent(run -> reply.note("Recorded as run #" + run.id() + " (" + run.state().id() + ")."));
        return reply.build();
    }

    private Reply busy(RunRecord active) {
        String step = runs.currentStep(active.id()).map(StepRecord::name).orElse("its end");
        String next = active.state() == RunState.FAILED
                ? " It failed at step " + step + ": `pdm retry " + active.id() + "` resumes it."
                : " It is at step " + step + (active.owner() == null ? "" : " on " + active.owner()) + ".";
        return Reply.refused("A PDM run is already active: " + RunReplies.describe(active) + "." + next);
    }
}
