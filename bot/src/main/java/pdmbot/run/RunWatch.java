package pdmbot.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pdmbot.storage.runs.ExecutedMigration;
import pdmbot.storage.runs.RunRecord;
import pdmbot.storage.runs.RunStore;

/** Tells the run's watchers what a migrations step executed, each with how long it took when the database says. */
final class RunWatch {

    private RunWatch() {
    }

    /**
     * The migrations recorded since {@code before} of them were, in the order the database ran them: each took from
     * the previous one's end (the step's start for the first); a migration whose run time the database does not give,
     * or gives before the step started (it ran in an earlier attempt), has no duration.
     */
    static void executedInStep(RunEvents events, RunStore store, RunResources resources, RunRecord run, Set<String> before,
                               Instant stepStart) {
        record Ran(ExecutedMigration migration, Optional<Instant> at) {
        }
        List<Ran> ran = new ArrayList<>();
        for (ExecutedMigration m : store.executed(run.id()))
            if (!before.contains(key(m))) ran.add(new Ran(m, resources.world().databases().ranAt(m.environment(), m.database(), m.version())));
        ran.sort(Comparator.comparing((Ran r) -> r.at().orElse(Instant.MAX)).thenComparing(r -> r.migration().version()));
        Instant previous = stepStart;
        for (Ran r : ran) {
            Optional<Duration> took = r.at().filter(at -> !at.isBefore(stepStart)).map(at -> Duration.between(stepStart, at));
            if (took.isPresent()) {
                Instant at = r.at().get();
                took = Optional.of(Duration.between(previous.isAfter(at) ? at : previous, at));
                previous = at;
            }
            ExecutedMigration m = r.migration();
            events.migrationExecuted(run, m.environment(), m.database(), m.version(), m.name(), took);
        }
    }

    /** What the run had executed before a step: one key per (environment, database, version). */
    static Set<String> executedSoFar(RunStore store, long runId) {
        Set<String> keys = new HashSet<>();
        for (ExecutedMigration m : store.executed(runId)) keys.add(key(m));
        return keys;
    }

    private static String key(ExecutedMigration m) {
        return m.environment().id() + "/" + m.database().id() + "/" + m.version();
    }
}
