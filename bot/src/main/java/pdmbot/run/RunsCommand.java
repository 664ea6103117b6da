package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import pdmbot.chat.Command;
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
    public String name() {
        return "pdm runs";
    }

    @Override
    public String usage() {
        return "pdm runs";
    }

    @Override
    public String description() {
        return "The latest PDM runs: who started them, when, and how they ended.";
    }

    @Override
    public Reply handle(Invocation invocation) {
        invocation.arguments().allowOnly().atMost(0);
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
