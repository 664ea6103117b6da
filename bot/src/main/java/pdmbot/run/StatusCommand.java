package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private final RunService runs;
    private final World world;
    private final LockStore locks;
    private final MigrationNatures natures;

    public StatusCommand(RunService runs, World world, LockStore locks, MigrationNatures natures) {
        this.runs = runs;
        this.world = world;
        this.locks = locks;
        this.natures = natures;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm status")
                .description("Pending post-deploy migrations per environment and database with their nature, locks, the active and last run.")
                .example("pdm status")
                .handledBy(this::status);
    }

    private Reply status(Invocation invocation) {
        PendingPlan plan = PendingPlan.of(world);
        Reply.Builder reply = Reply.builder().heading("Post-deploy migrations");
        List<String> counts = new ArrayList<>();
        for (Environment environment : PendingPlan.ENVIRONMENTS)
            for (LogicalDatabase database : LogicalDatabase.values())
                counts.add(environment.databaseEnvironment() + " " + database.id() + ": " + plan.countOn(environment, database));
        reply.text("Pending — " + String.join(", ", counts) + ".");
        RunReplies.planTable(reply, plan, natures);

        List<EnvironmentLock> held = locks.locks();
        reply.text(held.isEmpty() ? "No environment is locked."
                : "Locks: " + String.join("; ", held.stream().map(LockCommand::describe).toList()) + ".");

        Optional<RunRecord> active = runs.active();
        if (active.isPresent()) {
            String step = runs.currentStep(active.get().id()).map(StepRecord::name).orElse("its end");
            reply.text("Active: " + RunReplies.describe(active.get()) + ", at step " + step + ".");
        } else {
            reply.text("No PDM run is active.");
        }
        runs.store().recent(5).stream().filter(r -> active.isEmpty() || r.id() != active.get().id()).findFirst()
                .ifPresent(last -> reply.note("Last run: " + RunReplies.describe(last)
                        + (last.outcome().isBlank() ? "" : " — " + last.outcome())));
        return reply.build();
    }
}
