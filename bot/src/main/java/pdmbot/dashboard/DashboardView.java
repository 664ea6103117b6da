package pdmbot.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pdmbot.storage.runs.RunRecord;

/**
 * What the dashboard shows at one moment, gathered once and rendered for every viewer. A section whose source the bot
 * does not have yet is {@link Optional#empty()} and shown as "not available", never as made-up data; a source that
 * failed this time is named in {@code problems}.
 */
public record DashboardView(Instant at, String world, List<PendingCount> counts, List<PendingRow> pending,
                            Optional<List<GroupRow>> windows, Optional<List<String>> rollbackLine, Optional<ActiveRun> active,
                            List<RunRecord> runs, Optional<String> triage, List<String> problems) {

    public DashboardView {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(world, "world");
        counts = List.copyOf(counts);
        pending = List.copyOf(pending);
        Objects.requireNonNull(windows, "windows");
        windows = windows.map(List::copyOf);
        Objects.requireNonNull(rollbackLine, "rollbackLine");
        rollbackLine = rollbackLine.map(List::copyOf);
        Objects.requireNonNull(active, "active");
        runs = List.copyOf(runs);
        Objects.requireNonNull(triage, "triage");
        problems = List.copyOf(problems);
    }

    /** How many migrations are pending on one environment's database ({@code db/gprd}, {@code ci}). */
    public record PendingCount(String environment, String database, long count) {
    }

    /**
     * One pending migration on one environment, with its databases, nature and the run decision for its group
     * ({@code decision} empty when no decision source is wired).
     */
    public record PendingRow(String environment, String version, String name, String databases, String nature,
                             Optional<Decision> decision) {
    }

    /** The decision of a group: a short word ({@code run now}, {@code wait until …}, {@code no window}) and its reasons. */
    public record Decision(String word, List<String> reasons) {
        public Decision {
            Objects.requireNonNull(word, "word");
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One group of pending migrations (an environment and a nature) as the run decisions see it: how many, how long
     * they are expected to take, the decision now, the next window, why, and what a run costs in rollback targets.
     */
    public record GroupRow(String environment, String nature, int migrations, String expected, String decision,
                           String window, List<String> reasons, String cost) {
        public GroupRow {
            reasons = List.copyOf(reasons);
        }
    }

    /** The active run and the step it is at. */
    public record ActiveRun(RunRecord run, String step) {
    }
}
