package pdmbot.schedule;

import pdmbot.decide.PendingGroup;
import pdmbot.rules.checks.CheckReport;
import pdmbot.run.RunChecks;
import pdmbot.run.RunService;

/**
 * A group's run as {@link RunService} starts runs today: through the production checks of this moment, and migrating
 * every pending migration of the run's environments, the group's among them. {@code pdm execute --only} (a run of a
 * subset) is not on main yet; when it is, this is where the group's versions go, and the announcement says so
 * meanwhile ({@link GroupRuns.Started#scope()}).
 */
public final class WholeRunGroupRuns implements GroupRuns {

    static final String SCOPE = "a whole PDM run: every pending migration, this group's among them (`pdm execute --only` is not"
            + " available yet)";

    private final RunService runs;

    public WholeRunGroupRuns(RunService runs) {
        this.runs = runs;
    }

    @Override
    public Start start(PendingGroup group, String startedBy) {
        RunChecks.Result checked = runs.check();
        CheckReport report = checked.report();
        if (!report.verdict().allowsTheRun())
            return new Refused("the production checks stop it: " + String.join("; ", report.stoppers().stream()
                    .map(o -> o.reason()).toList()));
        RunService.StartResult started = runs.start(startedBy, checked);
        if (started instanceof RunService.Started s) return new Started(s.run().id(), SCOPE);
        if (started instanceof RunService.Busy busy) return new Refused("PDM run #" + busy.active().id() + " is active");
        if (started instanceof RunService.Stopped stopped)
            return new Refused("the production checks stopped it (recorded as run #" + stopped.run().id() + ")");
        throw new IllegalStateException("a start result that is none of its permitted cases: " + started);
    }
}
