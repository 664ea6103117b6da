package pdmbot.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pdmbot.decide.DecisionReplies;
import pdmbot.decide.RollbackLine;
import pdmbot.decide.RunDecider;

/** The run decisions as the dashboard shows them: each pending group's row and each environment's rollback line. */
@FunctionalInterface
public interface DashboardDecisions {

    Decided decide();

    /** What one look at the decisions gave. */
    record Decided(Instant at, List<DashboardView.GroupRow> groups, List<String> rollbackLines) {
        public Decided {
            groups = List.copyOf(groups);
            rollbackLines = List.copyOf(rollbackLines);
        }
    }

    /** The decider's week ahead from its own now (the demo's clock on the demo), decided afresh at each look. */
    static DashboardDecisions of(RunDecider decider) {
        return of(decider, decider::weekAhead);
    }

    /** The week ahead as {@code weekAhead} gives it (the one cached copy {@code pdm status} reads too), in the words {@code pdm schedule} uses. */
    static DashboardDecisions of(RunDecider decider, Supplier<RunDecider.Schedule> weekAhead) {
        return () -> {
            ZoneId zone = decider.calendar().calendar().zone();
            RunDecider.Schedule schedule = weekAhead.get();
            Instant now = schedule.from();
            List<DashboardView.GroupRow> groups = new ArrayList<>();
            for (RunDecider.Scheduled s : schedule.groups()) {
                List<String> reasons = new ArrayList<>(DecisionReplies.reasons(s.now()));
                s.atWindow().filter(d -> d != s.now()).ifPresent(d -> d.deciding().forEach(r -> reasons.add("at the window: " + r.line())));
                groups.add(new DashboardView.GroupRow(s.group().group().environment().databaseEnvironment(), s.group().group().nature(),
                        s.group().fact().versions().size(), DecisionReplies.expected(s.group()),
                        DecisionReplies.conclusion(s.now(), s.window(), zone), DecisionReplies.window(s.window(), zone), reasons,
                        DecisionReplies.cost(schedule.line(s.group().group().environment()))));
            }
            List<String> lines = new ArrayList<>();
            for (RollbackLine.Line line : schedule.lines()) lines.add(describe(line));
            return new Decided(now, groups, lines);
        };
    }

    /** {@code gprd runs `X`; the rollback line is `Y`: 2 earlier packages are rollback targets, which a PDM run now cuts off}. */
    static String describe(RollbackLine.Line line) {
        String env = line.environment().id();
        if (line.current().isEmpty()) return env + ": no package is deployed there.";
        StringBuilder text = new StringBuilder(env + " runs `" + line.current().get().version() + "`");
        line.line().ifPresent(l -> text.append("; the rollback line is `").append(l.version()).append('`'));
        int earlier = line.wouldCutOff().size();
        text.append(earlier == 0 ? ": no earlier package is a rollback target."
                : ": " + earlier + " earlier package" + (earlier == 1 ? " is a rollback target" : "s are rollback targets")
                + ", which a PDM run now cuts off.");
        return text.toString();
    }
}
