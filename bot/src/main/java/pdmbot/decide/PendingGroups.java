package pdmbot.decide;

import pdmbot.durations.Prediction;
import pdmbot.durations.DurationPredictor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.rules.classify.TableSizes;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.run.PendingPlan;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PackageSource;
import pdmbot.world.PendingMigration;

/**
 * The groups of what is pending now: per environment and nature, in version order, with their tables (from the source
 * as the deployed package has it), large tables, databases and predicted durations.
 */
public final class PendingGroups {

    static final List<Environment> ENVIRONMENTS = List.of(Environment.GSTG, Environment.GPRD);

    private final Function<List<Environment>, PendingPlan> pending;
    private final PackageSource packages;
    private final MigrationNatures natures;
    private final DurationPredictor predictor;
    private final MigrationTables tables;
    private final TableSizes sizes;

    public PendingGroups(Function<List<Environment>, PendingPlan> pending, PackageSource packages, MigrationNatures natures,
                         DurationPredictor predictor, MigrationTables tables, TableSizes sizes) {
        this.pending = pending;
        this.packages = packages;
        this.natures = natures;
        this.predictor = predictor;
        this.tables = tables;
        this.sizes = sizes;
    }

    /** The plan and its groups, read once. */
    public record Read(PendingPlan plan, List<GroupFacts> groups, Map<String, MigrationTables.Touched> touched) {
    }

    public Read read() {
        PendingPlan plan = pending.apply(ENVIRONMENTS);
        List<GroupFacts> groups = new ArrayList<>();
        Map<String, MigrationTables.Touched> touched = new LinkedHashMap<>();
        for (Environment environment : ENVIRONMENTS) {
            Optional<AutoDeployPackage> deployed = plan.packageOn(environment);
            Map<String, List<PendingPlan.Entry>> byNature = new TreeMap<>();
            for (PendingPlan.Entry entry : plan.on(environment)) {
                byNature.computeIfAbsent(natures.of(entry.migration()).nature(), n -> new ArrayList<>()).add(entry);
                touched.computeIfAbsent(environment.id() + " " + entry.migration().version(), k -> tables.of(entry.migration(),
                        deployed.flatMap(p -> packages.fileAt(p, entry.migration().path())).orElse(null)));
            }
            byNature.forEach((nature, entries) -> groups.add(group(environment, nature, entries, touched)));
        }
        return new Read(plan, groups, touched);
    }

    private GroupFacts group(Environment environment, String nature, List<PendingPlan.Entry> entries,
                             Map<String, MigrationTables.Touched> touched) {
        String key = DecisionFacts.Group.keyOf(environment.id(), nature);
        List<PendingMigration> migrations = new ArrayList<>();
        Set<String> groupTables = new LinkedHashSet<>();
        Set<String> databases = new LinkedHashSet<>();
        List<DecisionFacts.Finalizes> finalizes = new ArrayList<>();
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        Duration total = Duration.ZERO;
        for (PendingPlan.Entry entry : entries) {
            MigrationTables.Touched t = touched.get(environment.id() + " " + entry.migration().version());
            groupTables.addAll(t.tables());
            for (MigrationTables.Finalized f : t.finalizes())
                finalizes.add(new DecisionFacts.Finalizes(key, entry.migration().version(), f.jobClass(), f.table()));
            for (LogicalDatabase database : entry.databases()) {
                PendingMigration m = new PendingMigration(environment, database, entry.migration());
                migrations.add(m);
                databases.add(database.id());
                Prediction p = predictor.predict(m, nature);
                predictions.merge(entry.migration().version(), p, (a, b) -> new Prediction(a.expected().plus(b.expected()),
                        Math.min(a.samples(), b.samples()), a.basis()));
                total = total.plus(p.expected());
            }
        }
        Set<String> large = new LinkedHashSet<>();
        for (String table : groupTables) if (sizes.isLarge(table)) large.add(table);
        String basis = predictions.size() == 1 ? predictions.values().iterator().next().basis()
                : "sum of " + predictions.size() + " predictions";
        DecisionFacts.Group fact = new DecisionFacts.Group(key, environment.id(), nature,
                entries.stream().map(e -> e.migration().version()).toList(), groupTables, large, databases,
                Math.max(1, (total.toSeconds() + 59) / 60), basis);
        return new GroupFacts(new PendingGroup(environment, nature, migrations), fact, finalizes, total, predictions);
    }
}
