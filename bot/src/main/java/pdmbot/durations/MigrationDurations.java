package pdmbot.durations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.storage.durations.DurationStore;
import pdmbot.storage.durations.MigrationDuration;
import pdmbot.run.MigrationTimes;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PendingMigration;

/**
 * Predicted durations of post-deploy migrations, learnt from the PDM jobs' traces. A prediction is the median of the
 * similar migrations that ran on the same environment, the closest first: same database, nature and table size;
 * else same nature and table size on any database; else same nature; else the nature's default
 * ({@link DefaultDurations}), with 0 samples. Staging and production are never mixed: gstg's tables are smaller.
 */
public final class MigrationDurations implements DurationPredictor, MigrationTimes {

    private static final Logger log = LoggerFactory.getLogger(MigrationDurations.class);

    private final Optional<DurationStore> store;
    private final MigrationProfiles profiles;
    private final DefaultDurations defaults;
    private final Clock clock;

    public MigrationDurations(DurationStore store, MigrationProfiles profiles, DefaultDurations defaults, Clock clock) {
        this(Optional.of(store), profiles, defaults, clock);
    }

    private MigrationDurations(Optional<DurationStore> store, MigrationProfiles profiles, DefaultDurations defaults, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** Without a store: every prediction is the nature's built-in default, and nothing is learnt (tests, tools). */
    public static MigrationDurations defaultsOnly(MigrationProfiles profiles) {
        return new MigrationDurations(Optional.empty(), profiles, DefaultDurations.builtIn(), Clock.systemUTC());
    }

    @Override
    public Prediction predict(PendingMigration migration, String nature) {
        TableSize size = profiles.of(migration.environment(), migration.migration()).tableSize();
        return predict(migration.environment(), migration.database(), nature, size);
    }

    /** The prediction for a migration whose nature the classification gives here. */
    public Prediction predict(Environment environment, LogicalDatabase database, PostMigration migration) {
        MigrationProfile profile = profiles.of(environment, migration);
        return predict(environment, database, profile.nature(), profile.tableSize());
    }

    @Override
    public MigrationTimes.Estimate estimate(Environment environment, LogicalDatabase database, PostMigration migration) {
        Prediction p = predict(environment, database, migration);
        return new MigrationTimes.Estimate(p.expected(), p.samples(), p.basis());
    }

    private Prediction predict(Environment environment, LogicalDatabase database, String nature, TableSize size) {
        List<MigrationDuration> learnt = store.map(s -> s.learntOn(environment)).orElse(List.of()).stream()
                .filter(d -> !d.hasFailed() && d.nature().equals(nature)).toList();
        String sized = size == TableSize.LARGE ? " on large tables" : "";
        List<Tier> tiers = List.of(
                new Tier(d -> d.database() == database && TableSize.byId(d.tableSize()) == size,
                        nature + sized + " on " + environment + " " + database),
                new Tier(d -> TableSize.byId(d.tableSize()) == size, nature + sized + " on " + environment),
                new Tier(d -> true, nature + " on " + environment));
        for (Tier tier : tiers) {
            List<Duration> samples = learnt.stream().filter(tier.similar()).map(d -> d.took().orElseThrow()).toList();
            if (!samples.isEmpty())
                return new Prediction(median(samples), samples.size(), "median of " + samples.size() + " " + tier.basis());
        }
        return new Prediction(defaults.of(nature), 0, "default for " + nature + ", nothing similar ran on " + environment);
    }

    private record Tier(Predicate<MigrationDuration> similar, String basis) {
    }

    static Duration median(List<Duration> samples) {
        List<Duration> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /**
     * Keeps what a PDM job's trace said of the migrations it ran. A timing without a database prefix belongs to the
     * database the run planned it on when there is one such database; otherwise it is left out, since it cannot be
     * told which database it measured. Never throws for a store failure: learning must not stop a run.
     */
    @Override
    public int learn(Environment environment, List<PendingMigration> planned, List<MigrationTiming> timings, String source) {
        if (store.isEmpty()) return 0;
        int learnt = 0;
        for (MigrationTiming timing : timings) {
            List<PendingMigration> same = planned.stream()
                    .filter(p -> p.migration().version().equals(timing.version())).toList();
            Optional<LogicalDatabase> database = timing.database()
                    .or(() -> same.size() == 1 ? Optional.of(same.get(0).database()) : Optional.empty());
            if (database.isEmpty()) continue;
            PostMigration migration = same.isEmpty() ? fromClassName(timing) : same.get(0).migration();
            try {
                MigrationProfile profile = profiles.of(environment, migration);
                store.get().learn(new MigrationDuration(environment, database.get(), timing.version(),
                        migration.name(), profile.nature(), profile.tableSize().id(), timing.took(), source, clock.instant()));
                learnt++;
            } catch (RuntimeException e) {
                log.warn("could not keep the duration of {} on {} {} from {}", timing.version(), environment,
                        database.get(), source, e);
            }
        }
        return learnt;
    }

    /** A migration the run did not plan (an earlier one left pending): its file named as Rails names it. */
    private static PostMigration fromClassName(MigrationTiming timing) {
        String snake = timing.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return new PostMigration(timing.version(), snake, PostMigration.DIRECTORY + timing.version() + "_" + snake + ".rb");
    }
}
