package pdmbot.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.app.PdmBot;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.run.PendingPlan;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;
import pdmbot.storage.runs.StepState;

/**
 * Where the dashboard's sections come from, and the one place that gathers them into a {@link DashboardView}, at most
 * once per {@link #REFRESH}: every viewer polling the page shares that view, so viewers never multiply the work. The
 * run decisions look a week ahead hour by hour: the dashboard reads the bot's one cached copy of them
 * ({@link PdmBot#weekAhead}), which {@code pdm status} shows too.
 */
public final class DashboardSources {

    /** How old a view may be before the next request gathers a new one. */
    public static final Duration REFRESH = Duration.ofSeconds(1);
    /** Runs shown over time. */
    public static final int RUNS_SHOWN = 30;

    private static final Logger log = LoggerFactory.getLogger(DashboardSources.class);

    private final String world;
    private final Supplier<PendingPlan> pending;
    private final MigrationNatures natures;
    private final Optional<DashboardDecisions> decisions;
    private final RunStore runs;
    private final Clock clock;
    /** The open triages of a run, a line each (empty where no triage feature is wired). */
    private final java.util.function.LongFunction<List<String>> triages;
    private DashboardView last;

    /** {@code decisions} is empty where no run decisions are wired: the page then says they are not available. */
    public DashboardSources(String world, Supplier<PendingPlan> pending, MigrationNatures natures,
                            Optional<DashboardDecisions> decisions, RunStore runs, Clock clock) {
        this(world, pending, natures, decisions, runs, clock, runId -> null);
    }

    /** As above, with the open triages of a run ({@code null}: the dashboard does not read triages). */
    public DashboardSources(String world, Supplier<PendingPlan> pending, MigrationNatures natures,
                            Optional<DashboardDecisions> decisions, RunStore runs, Clock clock,
                            java.util.function.LongFunction<List<String>> triages) {
        this.triages = Objects.requireNonNull(triages, "triages");
        this.world = Objects.requireNonNull(world, "world");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.natures = Objects.requireNonNull(natures, "natures");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the bot shows: its world, what its runs would migrate with the decisions on it, and its run history. */
    public static DashboardSources of(PdmBot bot, Clock clock) {
        // what is pending comes from the one maintained view (recomputed when the world changes), not from the world
        return new DashboardSources(bot.ledger().world().description(), () -> bot.pending().current().plan(), bot.natures(),
                Optional.of(DashboardDecisions.of(bot.runDecider(), bot.weekAhead())), bot.runs().store(), clock,
                runId -> bot.triage().service().openOn(runId));
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
            plan = new PendingPlan(List.of(), Map.of(), Map.of());
        }
        Optional<DashboardDecisions.Decided> decision = decisions(problems);
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
                        decision.map(d -> decisionOf(d.groups(), environment.databaseEnvironment(), nature))));
            }
        }
        Optional<DashboardView.ActiveRun> active = runs.active().map(r -> new DashboardView.ActiveRun(r, currentStep(r)));
        return new DashboardView(now, world, counts, rows, decision.map(DashboardDecisions.Decided::groups),
                decision.map(DashboardDecisions.Decided::rollbackLines), active, runs.recent(RUNS_SHOWN), triage(active, problems),
                problems);
    }

    /** The decisions, from the one cached week ahead (decided again when what is pending changed, or once a minute). */
    private Optional<DashboardDecisions.Decided> decisions(List<String> problems) {
        if (decisions.isEmpty()) return Optional.empty();
        try {
            return Optional.of(decisions.get().decide());
        } catch (RuntimeException e) {
            log.warn("dashboard: could not read the run decisions", e);
            problems.add("The run decisions could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The active run's open triages, one line each; empty where triages are not read (the page says so). */
    private Optional<String> triage(Optional<DashboardView.ActiveRun> active, List<String> problems) {
        if (active.isEmpty()) return Optional.of("No run is active, so no triage is open.");
        try {
            List<String> open = triages.apply(active.get().run().id());
            if (open == null) return Optional.empty();
            return Optional.of(open.isEmpty() ? "No triage is open for run #" + active.get().run().id() + "." : String.join("\n", open));
        } catch (RuntimeException e) {
            log.warn("dashboard: could not read the triages", e);
            problems.add("The triages could not be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private String currentStep(RunRecord run) {
        return runs.steps(run.id()).stream().filter(s -> s.state() != StepState.SUCCEEDED).findFirst()
                .map(s -> s.name()).orElse("its end");
    }

    /** The decision of the migration's group (same environment and nature). */
    static DashboardView.Decision decisionOf(List<DashboardView.GroupRow> groups, String environment, String nature) {
        for (DashboardView.GroupRow g : groups)
            if (g.environment().equals(environment) && g.nature().equals(nature))
                return new DashboardView.Decision(g.decision(), g.reasons());
        return new DashboardView.Decision("no decision", List.of());
    }
}
