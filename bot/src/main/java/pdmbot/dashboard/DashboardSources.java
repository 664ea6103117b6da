package pdmbot.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.app.PdmBot;
import pdmbot.decide.GroupWindow;
import pdmbot.decide.RunWindows;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.ledger.Times;
import pdmbot.run.PendingPlan;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StepState;

/**
 * Where the dashboard's sections come from, and the one place that gathers them into a {@link DashboardView}, at most
 * once per {@link #REFRESH}: every viewer polling the page shares that view, so viewers never multiply the work.
 */
public final class DashboardSources {

    /** How old a view may be before the next request gathers a new one. */
    public static final Duration REFRESH = Duration.ofSeconds(1);
    /** Runs shown over time. */
    public static final int RUNS_SHOWN = 30;
    /** How far ahead the next windows are asked for. */
    public static final Duration WINDOWS_AHEAD = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(DashboardSources.class);

    private final String world;
    private final Supplier<PendingPlan> pending;
    private final MigrationNatures natures;
    private final Optional<RunWindows> windows;
    private final RunStore runs;
    private final Clock clock;
    private DashboardView last;

    /** {@code windows} is empty until run decisions are wired: the page then says the section is not available. */
    public DashboardSources(String world, Supplier<PendingPlan> pending, MigrationNatures natures, Optional<RunWindows> windows,
                            RunStore runs, Clock clock) {
        this.world = Objects.requireNonNull(world, "world");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.natures = Objects.requireNonNull(natures, "natures");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the bot shows: its world, what its runs would migrate, its natures and its run history. */
    public static DashboardSources of(PdmBot bot, Clock clock) {
        // run decisions (RunWindows) are not built yet: the page says so instead of showing windows
        return new DashboardSources(bot.ledger().world().description(), bot.runs()::pending, bot.natures(), Optional.empty(), bot.runs().store(), clock);
    }

    /** The view of now, or of less than {@link #REFRESH} ago. */
    public synchronized DashboardView view() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(REFRESH))) last = gather(now);
        return last;
    }

    private DashboardView gather(Instant now) {
        List<String> problems = new ArrayList<>();
        PendingPlan plan;
        try {
            plan = pending.get();
        } catch (RuntimeException e) {
            log.warn("dashboard: could not read what is pending", e);
            problems.add("What is pending could not be read: " + e.getMessage());
            plan = new PendingPlan(List.of(), java.util.Map.of(), java.util.Map.of());
        }
        Optional<List<GroupWindow>> groups;
        try {
            groups = windows.map(w -> w.windows(now, now.plus(WINDOWS_AHEAD)));
        } catch (RuntimeException e) {
            log.warn("dashboard: could not read the run windows", e);
            problems.add("The run windows could not be read: " + e.getMessage());
            groups = Optional.empty();
        }
        Optional<List<GroupWindow>> decided = groups;
        List<DashboardView.PendingCount> counts = new ArrayList<>();
        List<DashboardView.PendingRow> rows = new ArrayList<>();
        for (Environment environment : plan.environments()) {
            for (LogicalDatabase database : LogicalDatabase.values())
                counts.add(new DashboardView.PendingCount(environment.databaseEnvironment(), database.id(),
                        plan.countOn(environment, database)));
            for (PendingPlan.Entry entry : plan.on(environment)) {
                String nature = natures.of(entry.migration()).nature();
                rows.add(new DashboardView.PendingRow(environment.databaseEnvironment(), entry.migration().version(),
                        entry.migration().className(), LogicalDatabase.format(entry.databases()), nature,
                        decided.map(g -> decision(g, environment, nature, now))));
            }
        }
        Optional<DashboardView.ActiveRun> active = runs.active().map(r -> new DashboardView.ActiveRun(r, currentStep(r)));
        return new DashboardView(now, world, counts, rows, groups, Optional.empty(), active, runs.recent(RUNS_SHOWN),
                Optional.empty(), problems);
    }

    private String currentStep(RunRecord run) {
        return runs.steps(run.id()).stream().filter(s -> s.state() != StepState.SUCCEEDED).findFirst()
                .map(s -> s.name()).orElse("its end");
    }

    /** The decision of the migration's group (same environment and nature), in a word and its reasons. */
    static DashboardView.Decision decision(List<GroupWindow> groups, Environment environment, String nature, Instant now) {
        for (GroupWindow g : groups) {
            if (g.group().environment() != environment || !g.group().nature().equals(nature)) continue;
            if (g.window().isEmpty()) return new DashboardView.Decision("no window in " + WINDOWS_AHEAD.toDays() + " days", g.reasons());
            if (g.window().get().contains(now)) return new DashboardView.Decision("run now", g.reasons());
            return new DashboardView.Decision("wait until " + Times.utc(g.window().get().start()), g.reasons());
        }
        return new DashboardView.Decision("no decision", List.of());
    }
}
