package pdmbot.decide;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.domain.Environment;
import pdmbot.rules.decide.Decision;
import pdmbot.rules.decide.DecisionKind;
import pdmbot.rules.decide.DecisionReport;
import pdmbot.rules.decide.RunDecisions;

/**
 * The run decisions over the world: what is pending, grouped; the facts of now and of every hour ahead; the rules'
 * conclusion per group; and each group's next good window (the first span of hours in which the rules say RUN_NOW,
 * facts of this moment such as incidents applying only to now). Implements the scheduler's {@link RunWindows}.
 */
public final class RunDecider implements RunWindows {

    private final RunDecisions rules;
    private final Supplier<PendingGroups.Read> pending;
    private final PresentFacts world;
    private final DecisionCalendar calendar;
    private final Supplier<DeployCadence> cadence;
    private final RollbackLines rollback;
    private final Clock clock;

    /** The facts of this moment only, for the groups pending ({@link WorldState} reads them from the world). */
    @FunctionalInterface
    public interface PresentFacts {
        List<Object> factsAt(Instant now, List<GroupFacts> groups);
    }

    /** The rollback line of an environment given what is pending there ({@link RollbackLine}). */
    @FunctionalInterface
    public interface RollbackLines {
        RollbackLine.Line of(Environment environment, java.util.Collection<String> pendingVersions);
    }

    public RunDecider(RunDecisions rules, Supplier<PendingGroups.Read> pending, PresentFacts world, DecisionCalendar calendar,
                      Supplier<DeployCadence> cadence, RollbackLines rollback, Clock clock) {
        this.rules = rules;
        this.pending = pending;
        this.world = world;
        this.calendar = calendar;
        this.cadence = cadence;
        this.rollback = rollback;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public DecisionCalendar calendar() {
        return calendar;
    }

    /** One group's decision now and its next window in the span asked for. */
    public record Scheduled(GroupFacts group, Decision now, Optional<Window> window, Optional<Decision> atWindow) {
    }

    /** Everything one look produced: the groups, the rollback lines and, per group, the decision and window. */
    public record Schedule(Instant from, Instant until, List<Scheduled> groups, List<RollbackLine.Line> lines) {
        public Optional<RollbackLine.Line> line(Environment environment) {
            return lines.stream().filter(l -> l.environment() == environment).findFirst();
        }
    }

    /** The rollback line of the environment now: the same one the decisions' Rollback fact comes from. */
    public RollbackLine.Line lineOf(Environment environment) {
        PendingGroups.Read read = pending.get();
        return rollback.of(environment, read.plan().on(environment).stream().map(e -> e.migration().version()).toList());
    }

    /** What is pending now, grouped, with each migration's tables. */
    public PendingGroups.Read pendingNow() {
        return pending.get();
    }

    /** The rules, for the subset check of {@code --only}. */
    public RunDecisions rules() {
        return rules;
    }

    /** The bake time the decisions hold a run that cuts off rollback targets for. */
    public Duration bakeTime() {
        return Duration.ofMinutes(calendar.thresholds().bakeMinutes());
    }

    /** How far ahead {@link #weekAhead} looks for windows, as {@code pdm schedule} does by default. */
    public static final Duration AHEAD = Duration.ofDays(7);

    /** Each group's decision now and its next window in the coming week: what {@code pdm status} and the dashboard show. */
    public Schedule weekAhead() {
        Instant now = clock.instant();
        return schedule(now, now.plus(AHEAD));
    }

    /** The decisions at {@code at} (the present's facts included only when {@code at} is now). */
    public Schedule decideAt(Instant at) {
        return schedule(at, at);
    }

    /** Each group's decision at {@code from} and its next window before {@code until}, looking hour by hour. */
    public Schedule schedule(Instant from, Instant until) {
        Instant now = clock.instant();
        PendingGroups.Read read = pending.get();
        List<RollbackLine.Line> lines = new ArrayList<>();
        for (Environment environment : PendingGroups.ENVIRONMENTS)
            lines.add(rollback.of(environment, read.plan().on(environment).stream().map(e -> e.migration().version()).toList()));
        DeployCadence deploys = cadence.get();
        TrafficSource.Profile profile = calendar.profileAt(now);
        List<Object> present = read.groups().isEmpty() ? List.of() : world.factsAt(now, read.groups());
        boolean fromIsNow = Math.abs(Duration.between(now, from).toMinutes()) < 1;

        List<Object> groupFacts = new ArrayList<>();
        for (GroupFacts g : read.groups()) {
            groupFacts.add(g.fact());
            groupFacts.addAll(g.finalizes());
        }
        try (RunDecisions.Session session = rules.open(groupFacts)) {
            DecisionReport first = session.evaluate(moment(fromIsNow ? present : List.of(), from, fromIsNow, profile, deploys, lines));
            return scan(session, first, read, from, until, profile, deploys, lines);
        }
    }

    private Schedule scan(RunDecisions.Session session, DecisionReport first, PendingGroups.Read read, Instant from, Instant until,
                          TrafficSource.Profile profile, DeployCadence deploys, List<RollbackLine.Line> lines) {
        Map<String, Optional<Window>> windows = new java.util.HashMap<>();
        Map<String, Optional<Decision>> atWindow = new java.util.HashMap<>();
        Map<String, Instant> opened = new java.util.HashMap<>();
        for (GroupFacts g : read.groups()) {
            Decision d = first.of(g.key()).orElseThrow();
            if (d.kind() == DecisionKind.RUN_NOW) {
                opened.put(g.key(), from);
                atWindow.put(g.key(), Optional.of(d));
            }
        }
        // hour by hour: a window opens at the first RUN_NOW and closes at the first hour that is not
        Instant slot = from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        while (slot.isBefore(until) && windows.size() < read.groups().size()) {
            DecisionReport report = session.evaluate(moment(List.of(), slot, false, profile, deploys, lines));
            for (GroupFacts g : read.groups()) {
                if (windows.containsKey(g.key())) continue;
                Decision d = report.of(g.key()).orElseThrow();
                boolean runs = d.kind() == DecisionKind.RUN_NOW;
                if (runs && !opened.containsKey(g.key())) {
                    opened.put(g.key(), slot);
                    atWindow.put(g.key(), Optional.of(d));
                } else if (!runs && opened.containsKey(g.key())) {
                    windows.put(g.key(), Optional.of(new Window(opened.get(g.key()), slot)));
                }
            }
            slot = slot.plus(Duration.ofHours(1));
        }
        List<Scheduled> scheduled = new ArrayList<>();
        for (GroupFacts g : read.groups()) {
            Optional<Window> window = windows.getOrDefault(g.key(), Optional.ofNullable(opened.get(g.key()))
                    .filter(start -> until.isAfter(start)).map(start -> new Window(start, until)));
            scheduled.add(new Scheduled(g, first.of(g.key()).orElseThrow(), window, atWindow.getOrDefault(g.key(), Optional.empty())));
        }
        return new Schedule(from, until, scheduled, lines);
    }

    private List<Object> moment(List<Object> present, Instant at, boolean isNow, TrafficSource.Profile profile,
                                DeployCadence deploys, List<RollbackLine.Line> lines) {
        List<Object> facts = new ArrayList<>(present);
        facts.addAll(calendar.factsAt(at, isNow, profile, deploys, lines));
        return facts;
    }

    @Override
    public List<GroupWindow> windows(Instant from, Instant until) {
        Schedule schedule = schedule(from, until);
        List<GroupWindow> all = new ArrayList<>();
        for (Scheduled s : schedule.groups()) {
            List<String> reasons = new ArrayList<>();
            if (s.now().kind() != DecisionKind.RUN_NOW)
                s.now().deciding().forEach(r -> reasons.add("now " + s.now().kind().id() + ": " + r.line()));
            s.atWindow().ifPresent(d -> d.deciding().forEach(r -> reasons.add(r.line())));
            all.add(new GroupWindow(s.group().group(), s.window(), reasons));
        }
        return all;
    }
}
