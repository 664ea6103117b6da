package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.ledger.Times;
import pdmbot.storage.runs.RunRecord;

/** {@code pdm runs}: the latest PDM runs. */
public final class RunsCommand implements Command {

    private static final int SHOWN = 15;
    private final RunService runs;

    public RunsCommand(RunService runs) {
        this.runs = runs;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm runs")
                .description("The latest PDM runs: who started them, when, and how they ended.")
                .example("pdm runs")
                .handledBy(this::list);
    }

    private Reply list(Invocation invocation) {
        List<RunRecord> recent = runs.store().recent(SHOWN);
        if (recent.isEmpty()) return Reply.ok("No PDM run yet; `pdm execute --dry-run` shows what one would do.");
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord run : recent)
            rows.add(List.of("#" + run.id(), run.state().id(), run.startedBy(), Times.utc(run.startedAt()),
                    Durations.between(run.startedAt(), run.finishedAt()), run.outcome()));
        return Reply.builder()
                .table(List.of("run", "state", "started by", "started", "took", "outcome"), rows)
                .note("`pdm run <id>` shows a run's steps.")
                .build();
    }
}
