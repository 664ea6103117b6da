package pdmbot.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PendingMigration;
import pdmbot.world.PendingMigrations;
import pdmbot.world.World;

/**
 * What is pending on the run's environments now: each migration once per environment, with every database it is pending on
 * (a migration pending on main and ci is one entry with both), and the package each environment runs.
 */
public record PendingPlan(List<Environment> environments, Map<Environment, List<Entry>> byEnvironment,
                          Map<Environment, AutoDeployPackage> packages) {

    /** A migration pending on one environment, on these databases. */
    public record Entry(PostMigration migration, Set<LogicalDatabase> databases) {
    }

    public PendingPlan {
        environments = List.copyOf(environments);
    }

    /** What is pending now on each of the environments, in their order. */
    public static PendingPlan of(World world, PendingMigrations.DatabasesOf databasesOf, List<Environment> environments) {
        PendingMigrations pending = new PendingMigrations(world.packages(), world.deployments(), world.databases(), databasesOf);
        Map<Environment, List<Entry>> byEnvironment = new java.util.TreeMap<>();
        Map<Environment, AutoDeployPackage> packages = new java.util.TreeMap<>();
        for (Environment environment : environments) {
            world.deployments().packageOn(environment).ifPresent(p -> packages.put(environment, p));
            byEnvironment.put(environment, group(pending.pendingOn(environment)));
        }
        return new PendingPlan(environments, byEnvironment, packages);
    }

    static List<Entry> group(List<PendingMigration> pending) {
        Map<String, PostMigration> migrations = new LinkedHashMap<>();
        Map<String, Set<LogicalDatabase>> databases = new LinkedHashMap<>();
        for (PendingMigration p : pending) {
            migrations.putIfAbsent(p.migration().version(), p.migration());
            databases.computeIfAbsent(p.migration().version(), v -> EnumSet.noneOf(LogicalDatabase.class)).add(p.database());
        }
        List<Entry> entries = new ArrayList<>();
        migrations.forEach((version, migration) -> entries.add(new Entry(migration, Set.copyOf(databases.get(version)))));
        return entries;
    }

    public List<Entry> on(Environment environment) {
        return byEnvironment.getOrDefault(environment, List.of());
    }

    public Optional<AutoDeployPackage> packageOn(Environment environment) {
        return Optional.ofNullable(packages.get(environment));
    }

    /** How many (migration, database) pairs are pending on the environment's database. */
    public long countOn(Environment environment, LogicalDatabase database) {
        return on(environment).stream().filter(e -> e.databases().contains(database)).count();
    }

    public boolean isEmpty() {
        return environments.stream().allMatch(e -> on(e).isEmpty());
    }
}
