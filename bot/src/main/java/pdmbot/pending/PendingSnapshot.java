package pdmbot.pending;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.run.PendingPlan;

/**
 * What is pending, as computed at {@code computedAt}: the run's plan (per environment, each migration once with its
 * databases), one item per (environment, database, migration) with its nature and age, and the natures by version.
 * {@code generation} orders snapshots: a newer one has a larger number. Immutable; readers never wait for it.
 */
public record PendingSnapshot(long generation, Instant computedAt, PendingPlan plan, List<PendingItem> items,
                              Map<String, MigrationNatures.Summary> natures) {

    /** What the counts are grouped by: the labels of {@code pdm_pending_migrations}. */
    public record Key(Environment environment, LogicalDatabase database, String nature) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int c = environment.compareTo(other.environment);
            if (c == 0) c = database.compareTo(other.database);
            return c != 0 ? c : nature.compareTo(other.nature);
        }
    }

    public PendingSnapshot {
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(plan, "plan");
        items = List.copyOf(items);
        natures = Map.copyOf(natures);
    }

    /** How many are pending per environment, database and nature; only keys with at least one. */
    public Map<Key, Long> counts() {
        Map<Key, Long> counts = new TreeMap<>();
        for (PendingItem item : items)
            counts.merge(new Key(item.environment(), item.database(), item.nature()), 1L, Long::sum);
        return counts;
    }

    /** How many are pending on the environment's database (every nature). */
    public long countOn(Environment environment, LogicalDatabase database) {
        return items.stream().filter(i -> i.environment() == environment && i.database() == database).count();
    }

    /** Since when the oldest migration pending on the environment's database is pending, when any is and it is known. */
    public Optional<Instant> oldestPendingSince(Environment environment, LogicalDatabase database) {
        return items.stream().filter(i -> i.environment() == environment && i.database() == database)
                .flatMap(i -> i.pendingSince().stream()).min(Instant::compareTo);
    }

    /** The age at {@code now} of the oldest pending on the environment's database; zero when nothing is pending. */
    public Duration oldestPendingAge(Environment environment, LogicalDatabase database, Instant now) {
        return oldestPendingSince(environment, database).map(since -> since.isAfter(now) ? Duration.ZERO : Duration.between(since, now))
                .orElse(Duration.ZERO);
    }

    /** The nature and databases of a pending migration as this snapshot classified them. */
    public Optional<MigrationNatures.Summary> natureOf(String version) {
        return Optional.ofNullable(natures.get(version));
    }

    /** Natures answered from this snapshot, and from {@code fallback} for a migration it does not hold. */
    public MigrationNatures natures(MigrationNatures fallback) {
        return migration -> natureOf(migration.version()).orElseGet(() -> fallback.of(migration));
    }
}
