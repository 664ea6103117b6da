package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.Times;
import pdmbot.storage.runs.AttemptState;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunAttempt;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepState;

/** The run's own words: the start announcement, the note on the release issue and the end announcement. */
final class RunReport {

    private RunReport() {
    }

    static StepResult announceStart(RunContext context) {
        PendingPlan plan = ScopedPlans.restrict(PendingPlan.of(context.resources().world(), context.resources().databases(),
                context.environments()), context.scope());
        List<String> counts = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (Environment environment : plan.environments()) {
            List<String> perDatabase = new ArrayList<>();
            for (LogicalDatabase database : LogicalDatabase.values())
                perDatabase.add(database.id() + " " + plan.countOn(environment, database));
            counts.add(environment.databaseEnvironment() + ": " + String.join(", ", perDatabase));
            for (PendingPlan.Entry entry : plan.on(environment))
                items.add(environment.databaseEnvironment() + " `" + entry.migration().version() + "` "
                        + entry.migration().name() + " (" + LogicalDatabase.format(entry.databases()) + ")");
        }
        String expected = ExpectedRun.line(plan, context.resources().durations());
        context.announce("start", Reply.builder()
                .heading("PDM run #" + context.runId() + " started by " + context.run().startedBy())
                .text((context.scope().isPresent() ? "Limited to `" + context.scope().get().only() + "`; it runs — "
                        : "Pending — ") + String.join("; ", counts) + ". Steps: " + stepsLine(context) + "."
                        + (expected.isEmpty() ? "" : " " + expected))
                .bullets(items)
                .build());
        context.resources().diff().of(context.runId(), plan, context.resources().mergeRequests(),
                        Optional.of(context.resources().durations()))
                .ifPresent(diff -> context.announce("diff", diff));
        return new StepResult.Done("announced: " + String.join("; ", counts));
    }

    /** The run's steps in a line, from its own stored steps: {@code lock gstg and gprd → gstg → QA on gstg → …}. */
    static String stepsLine(RunContext context) {
        String words = RunPlan.words(context.environments());
        return String.join(" → ", context.steps().stream().map(s -> s.shortName(words)).filter(n -> !n.isEmpty()).toList());
    }

    static StepResult releaseNote(RunContext context) {
        String location = context.effects().once(EffectKey.ofRun("release-note"), Effects.OnUnfinished.COUNT_AS_MADE,
                () -> context.resources().world().releaseNotes().post(markdown(context)));
        return new StepResult.Done(location.isBlank() ? "note posted" : "note posted: " + location);
    }

    private static String markdown(RunContext context) {
        StringBuilder md = new StringBuilder();
        md.append("### Post-deploy migrations: run #").append(context.runId()).append("\n\n");
        md.append("Triggered by ").append(context.run().startedBy()).append(" at ").append(Times.utc(context.run().startedAt()))
                .append("; details: `pdm run ").append(context.runId()).append("`.\n\n");
        context.scope().ifPresent(scope -> md.append("Limited to `").append(scope.only()).append("`: ")
                .append(ScopedPlans.versionsLine(scope)).append("; every other pending migration stays pending.\n\n"));
        List<ExecutedMigration> executed = context.store().executed(context.runId());
        if (executed.isEmpty()) {
            md.append("No post-deploy migration was executed.\n\n");
        } else {
            md.append("| environment | database | migration |\n|---|---|---|\n");
            for (ExecutedMigration m : executed)
                md.append("| ").append(m.environment().databaseEnvironment()).append(" | ").append(m.database().id())
                        .append(" | `").append(m.version()).append("` ").append(m.name()).append(" |\n");
            md.append('\n');
        }
        // The checks this attempt was made on, not the first attempt's: a retry checked again.
        Optional<RunAttempt> checked = context.store().attempts(context.runId()).stream()
                .filter(a -> a.state() == AttemptState.RUNNING && !a.checks().isBlank()).reduce((a, b) -> b);
        String checks = checked.map(RunAttempt::checks).orElse(context.run().checks());
        md.append(checked.filter(a -> a.number() > 1).map(a -> "Checks (attempt " + a.number() + ", by " + a.startedBy() + " at "
                + Times.utc(a.startedAt()) + "):\n").orElse("Checks:\n"));
        for (String line : checks.split("\n")) if (!line.isBlank()) md.append("- ").append(line).append('\n');
        return md.toString();
    }

    static StepResult announceEnd(RunContext context) {
        List<List<String>> rows = new ArrayList<>();
        for (StepRecord step : context.store().steps(context.runId())) {
            if (step.state() != StepState.SUCCEEDED) continue;
            rows.add(List.of(step.name(), Durations.between(step.startedAt(), step.finishedAt()), step.outcome()));
        }
        int executed = context.store().executed(context.runId()).size();
        String total = Durations.between(context.run().startedAt(), context.resources().clock().instant());
        context.announce("end", Reply.builder()
                .heading("PDM run #" + context.runId() + " succeeded in " + total)
                .text(executed + " post-deploy migration" + (executed == 1 ? "" : "s")
                        + " executed; " + RunPlan.words(context.environments()) + " are unlocked." + ScopedPlans.limitedTo(context.scope()))
                .table(List.of("step", "took", "outcome"), rows)
                .build());
        return new StepResult.Done("announced, " + total + " in all");
    }
}
