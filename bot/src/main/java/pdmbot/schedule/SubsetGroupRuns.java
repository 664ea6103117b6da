package pdmbot.schedule;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import pdmbot.decide.PendingGroup;
import pdmbot.rules.checks.CheckReport;
import pdmbot.run.RunChecks;
import pdmbot.run.RunService;
import pdmbot.run.SubsetPlanner;

/**
 * A group's run (a proposal's Confirm, {@code schedule.mode: auto}) as {@code pdm execute --only} of that group: its
 * versions on its environment, resolved by the run decisions (the out-of-order refusal included), then the production
 * checks of this moment, then a run limited to that scope. The one active run slot makes it happen once across
 * instances.
 */
public final class SubsetGroupRuns implements GroupRuns {

    private final RunService runs;
    private final SubsetPlanner subsets;

    public SubsetGroupRuns(RunService runs, SubsetPlanner subsets) {
        this.runs = runs;
        this.subsets = subsets;
    }

    /** What the run is limited to, in its own words: {@code --only sidekiq_only on gprd}. */
    static String scopeWords(PendingGroup group) {
        return "--only " + group.nature() + " on " + group.environment().id();
    }

    @Override
    public Start start(PendingGroup group, String startedBy) {
        String versions = group.migrations().stream().map(m -> m.migration().version()).distinct().sorted()
                .collect(Collectors.joining(","));
        SubsetPlanner.Subset subset = subsets.choose(versions, Set.of(group.environment()), scopeWords(group));
        if (subset instanceof SubsetPlanner.Refused refused)
            return new Refused("the run decisions refuse the group: " + refused.reply().plainText().replace("\n", " ").strip());
        SubsetPlanner.Chosen chosen = (SubsetPlanner.Chosen) subset;
        RunChecks.Result checked = runs.check();
        CheckReport report = checked.report();
        if (!report.verdict().allowsTheRun())
            return new Refused("the production checks stop it: " + String.join("; ", report.stoppers().stream()
                    .map(o -> o.reason()).toList()));
        RunService.StartResult started = runs.start(startedBy, checked, Optional.of(chosen.scope()));
        int n = chosen.rows().size();
        if (started instanceof RunService.Started s)
            return new Started(s.run().id(), "only this group: " + n + " " + group.nature() + " migration" + (n == 1 ? "" : "s")
                    + " on " + group.environment().databaseEnvironment() + " (`" + scopeWords(group) + "`); every other pending"
                    + " migration stays pending");
        if (started instanceof RunService.Busy busy) return new Refused("PDM run #" + busy.active().id() + " is active");
        if (started instanceof RunService.Stopped stopped)
            return new Refused("the production checks stopped it (recorded as run #" + stopped.run().id() + ")");
        throw new IllegalStateException("a start result that is none of its permitted cases: " + started);
    }
}
