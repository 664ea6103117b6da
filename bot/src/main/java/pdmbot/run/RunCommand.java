package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pdmbot.chat.Block;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.ledger.Times;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunAttempt;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunState;
import pdmbot.storage.runs.SideEffect;
import pdmbot.storage.runs.StepRecord;
import pdmbot.world.DeploymentRecord;

/** {@code pdm run <id>}: one run's steps with times and outcomes, and what it executed. */
public final class RunCommand implements Command {

    private final RunService runs;

    public RunCommand(RunService runs) {
        this.runs = runs;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm run")
                .description("One PDM run: its checks, steps with times and outcomes, and the migrations it executed.")
                .argument("id", "the run number")
                .exampleAfter("pdm run 1", "pdm execute --confirm")
                .handledBy(this::show);
    }

    private Reply show(Invocation invocation) {
        long id = RetryCommand.runId(invocation.argument("id"));
        Optional<RunRecord> found = runs.store().run(id);
        if (found.isEmpty()) {
            String known = runs.store().recent(1).stream().findFirst().map(r -> " (the newest is #" + r.id() + ")").orElse(" (there is none yet)");
            return Reply.refused("There is no run #" + id + known + "; `pdm runs` lists them.");
        }
        RunRecord run = found.get();
        Reply.Builder reply = Reply.builder().heading("PDM run #" + run.id() + " — " + run.state().id());
        reply.fields(List.of(new Block.Field("started by", run.startedBy()),
                new Block.Field("started", Times.utc(run.startedAt())),
                new Block.Field("finished", run.finishedAt() == null ? "—" : Times.utc(run.finishedAt())),
                new Block.Field("took", run.finishedAt() == null ? "—" : Durations.between(run.startedAt(), run.finishedAt()))));
        if (!run.outcome().isBlank()) reply.text(run.outcome());
        runs.store().scope(id).ifPresent(scope -> reply.text("Limited to `" + scope.only() + "`: "
                + ScopedPlans.versionsLine(scope) + "."));
        if (run.state() == RunState.RUNNING) reply.text(RunReplies.drivenBy(run));
        List<StepRecord> steps = runs.store().steps(id);
        if (!steps.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (StepRecord s : steps)
                rows.add(List.of(String.valueOf(s.number()), s.name(), s.state().id(), s.attempt() > 0 ? String.valueOf(s.attempt()) : "",
                        Times.utc(s.startedAt()), Durations.between(s.startedAt(), s.finishedAt()), s.outcome()));
            reply.table(List.of("#", "step", "state", "attempts", "started", "took", "outcome"), rows);
        }
        List<ExecutedMigration> executed = runs.store().executed(id);
        if (!executed.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (ExecutedMigration m : executed)
                rows.add(List.of(m.environment().databaseEnvironment(), m.database().id(), m.version(), m.name(), Times.utc(m.executedAt())));
            reply.table(List.of("environment", "database", "version", "migration", "executed"), rows);
        }
        List<String> deployments = new ArrayList<>();
        Map<String, SideEffect> done = Effects.doneByKey(runs.store().effects(id));
        for (StepRecord s : steps) {
            RunStep step = RunStep.of(s);
            if (step.kind() != StepKind.MIGRATIONS) continue;
            for (int attempt = 1; attempt <= s.attempt(); attempt++)
                for (DeploymentRecord d : EarlierDeployments.of(done, step, attempt).values())
                    deployments.add(d.environmentName() + " " + d.project() + " deployment " + d.id() + " of `" + d.packageVersion()
                            + "`" + (s.attempt() > 1 ? " (attempt " + attempt + ")" : "") + (d.url().isBlank() ? "" : " " + d.url()));
        }
        if (!deployments.isEmpty()) reply.bullets(deployments);
        List<RunAttempt> attempts = runs.store().attempts(id);
        if (attempts.size() > 1) {
            List<List<String>> rows = new ArrayList<>();
            for (RunAttempt a : attempts)
                rows.add(List.of(String.valueOf(a.number()), a.startedBy(), Times.utc(a.startedAt()), a.fromStep(), a.state().id(),
                        a.outcome()));
            reply.table(List.of("attempt", "by", "started", "from step", "state", "outcome"), rows);
        }
        reply.note("Checks: " + run.checks().replace("\n", " · "));
        for (RunAttempt a : attempts)
            if (a.number() > 1 && !a.checks().isBlank())
                reply.note("Checks of attempt " + a.number() + " (" + a.startedBy() + ", " + Times.utc(a.startedAt()) + "): "
                        + a.checks().replace("\n", " · "));
        return reply.build();
    }
}
