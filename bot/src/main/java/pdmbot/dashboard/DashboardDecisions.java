package pdmbot.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import pdmbot.decide.DecisionReplies;
import pdmbot.decide.RollbackLine;
import pdmbot.decide.RunDecider;

/** The run decisions as the dashboard shows them: each pending group's row and each environment's rollback line. */
@FunctionalInterface
public interface DashboardDecisions {

    /** How far ahead the next windows are looked for, as {@code pdm schedule} does by default. */
    Duration AHEAD = Duration.ofDays(7);

    Decided decide();

    /** What one look at the decisions gave. */
    record Decided(Instant at, List<DashboardView.GroupRow> groups, List<String> rollbackLines) {
        public Decided {
            groups = List.copyOf(groups);
            rollbackLines = List.copyOf(rollbackLines);
        }
    }

    /** The decider's schedule from its own now (the demo's clock on the demo), in the words {@code pdm schedule} uses. */
    static DashboardDecisions of(RunDecider decider) {
        return () -> {
            ZoneId zone = decider.calendar().calendar().zone();
            Instant now = decider.clock().instant();
            RunDecider.Schedule schedule = decider.schedule(now, now.plus(AHEAD));
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
