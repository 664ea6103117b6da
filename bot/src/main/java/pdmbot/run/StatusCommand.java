package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.storage.locks.EnvironmentLock;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.StepRecord;
import pdmbot.world.World;

/** {@code pdm status}: what is pending per environment and database with its nature, the locks, and the runs. */
public final class StatusCommand implements Command {

    /** What is pending and the natures to show with it, read together (from the maintained pending view). */
    public record Pending(PendingPlan plan, MigrationNatures natures) {
    }

    private final RunService runs;
    private final Supplier<Pending> pending;
    private final LockStore locks;
    private final StatusDecisions decisions;

    /** Pending computed afresh for every status (tools and tests without a pending view). */
    public StatusCommand(RunService runs, World world, LockStore locks, MigrationNatures natures) {
        this(runs, world, locks, natures, StatusDecisions.NONE);
    }

    /** With the run decisions of each pending group; pending computed afresh for every status. */
    public StatusCommand(RunService runs, World world, LockStore locks, MigrationNatures natures, StatusDecisions decisions) {
        this(runs, () -> new Pending(runs.pending(), natures), locks, decisions);
    }

    /** Pending as {@code pending} answers (the maintained view, so a status costs no world reads), with the decisions. */
    public StatusCommand(RunService runs, Supplier<Pending> pending, LockStore locks, StatusDecisions decisions) {
        this.runs = runs;
        this.pending = pending;
        this.locks = locks;
        this.decisions = decisions;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm status")
                .description("Pending post-deploy migrations per environment and database with their nature, locks, the active and last run.")
                .example("pdm status")
                .handledBy(this::status);
    }

    private Reply status(Invocation invocation) {
        Pending now = pending.get();
        PendingPlan plan = now.plan();
        Reply.Builder reply = Reply.builder().heading("Post-deploy migrations");
        List<String> counts = new ArrayList<>();
        for (Environment environment : plan.environments())
            for (LogicalDatabase database : LogicalDatabase.values())
                counts.add(environment.databaseEnvironment() + " " + database.id() + ": " + plan.countOn(environment, database));
        reply.text("Pending — " + String.join(", ", counts) + ".");
        RunReplies.planTable(reply, plan, now.natures());

        List<String> decided = decisions.lines();
        if (!decided.isEmpty()) reply.text("Decisions (`pdm schedule` has the windows and costs):").bullets(decided);

        List<EnvironmentLock> held = locks.locks();
        reply.text(held.isEmpty() ? "No environment is locked."
                : "Locks: " + String.join("; ", held.stream().map(LockCommand::describe).toList()) + ".");

        Optional<RunRecord> active = runs.active();
        if (active.isPresent()) {
            RunRecord run = active.get();
            String step = runs.currentStep(run.id()).map(StepRecord::name).orElse("its end");
            reply.text(switch (run.state()) {
                case FAILED -> "Failed: " + RunReplies.describe(run) + " failed at step " + step
                        + (run.outcome().isBlank() ? "" : ": " + run.outcome()) + ". It keeps its locks; `pdm retry " + run.id()
                        + "` resumes it after triage.";
                case RUNNING -> "Running: " + RunReplies.describe(run) + ", at step " + step + ". " + RunReplies.drivenBy(run);
                case SUCCEEDED, CANCELLED, REFUSED -> "Last active: " + RunReplies.describe(run) + ".";
            });
        } else {
            reply.text("No PDM run is active.");
        }
        runs.store().recent(5).stream().filter(r -> active.isEmpty() || r.id() != active.get().id()).findFirst()
                .ifPresent(last -> reply.note("Last run: " + RunReplies.describe(last)
                        + (last.outcome().isBlank() ? "" : " — " + last.outcome())));
        return reply.build();
    }
}
