package pdmbot.decide;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;
import pdmbot.rules.decide.DecisionKind;

/** {@code pdm schedule [--days N] [--at <time>]}: each pending group's decision, next good window, duration and cost. */
public final class ScheduleCommand implements Command {

    static final int MAX_DAYS = 28;

    private final RunDecider decider;

    public ScheduleCommand(RunDecider decider) {
        this.decider = decider;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm schedule")
                .description("For each group of pending migrations (environment and nature): the decision now, the next good window, the expected duration and the rollback targets a run cuts off.")
                .option("days", "N", "how many days to look ahead (default 7, at most " + MAX_DAYS + ")")
                .option("at", "time", "the decision at that time instead of now (calendar facts only: incidents and health are those of now)")
                .example("pdm schedule")
                .example("pdm schedule --days 2")
                .example("pdm schedule --at \"saturday 03:00\"")
                .handledBy(this::schedule);
    }

    private Reply schedule(Invocation invocation) {
        ZoneId zone = decider.calendar().calendar().zone();
        Instant now = decider.clock().instant();
        int days = invocation.option("days").map(ScheduleCommand::days).orElse(7);
        Instant from = invocation.option("at").map(t -> TimeWords.parse(t, now, zone)).orElse(now);
        RunDecider.Schedule schedule = decider.schedule(from, from.plus(Duration.ofDays(days)));
        boolean atNow = invocation.option("at").isEmpty();
        Reply.Builder reply = Reply.builder().heading("PDM schedule — " + (atNow ? "now " : "at ") + TimeWords.show(from, zone)
                + ", looking " + days + (days == 1 ? " day" : " days") + " ahead");
        if (schedule.groups().isEmpty()) return reply.text("Nothing is pending on gstg or gprd: there is nothing to schedule.").build();
        DecisionReplies.table(reply, schedule, zone);
        List<String> why = new ArrayList<>();
        for (RunDecider.Scheduled s : schedule.groups()) {
            StringBuilder line = new StringBuilder("*" + s.group().key() + "* (" + String.join(", ", s.group().fact().versions())
                    + "; " + String.join(", ", s.group().fact().databases()) + "), expected " + DecisionReplies.expected(s.group()) + ": "
                    + s.now().kind().id() + " — " + String.join("; ", DecisionReplies.reasons(s.now())));
            if (s.now().kind() != DecisionKind.RUN_NOW)
                line.append(s.window().isPresent() ? (s.now().kind() == DecisionKind.BLOCKED ? ". Once that clears, the next window is "
                        : ". Next window ") + DecisionReplies.window(s.window(), zone)
                        + s.atWindow().map(d -> " (" + String.join("; ", d.deciding().stream().map(r -> r.rule()).toList()) + ")").orElse("")
                        : ". No window in the next " + days + " days");
            why.add(line.append('.').toString());
        }
        reply.bullets(why);
        List<String> costs = new ArrayList<>();
        for (pdmbot.domain.Environment environment : PendingGroups.ENVIRONMENTS)
            if (schedule.groups().stream().anyMatch(s -> s.group().group().environment() == environment))
                costs.add(environment.id() + ": " + DecisionReplies.cost(schedule.line(environment)));
        reply.text("What a run costs (`rollback check` has the details):").bullets(costs);
        if (!atNow) reply.note("At a time other than now the decision sees the calendar, expected deploys, change locks and the"
                + " rollback line of that time; incidents, locks, deployments, background migrations and health are looked at only for now.");
        return reply.build();
    }

    private static int days(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_DAYS) return n;
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new UsageException("--days takes a whole number of days from 1 to " + MAX_DAYS + ", not \"" + text + "\"");
    }
}
