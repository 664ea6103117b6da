package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.runs.RunScope;
import pdmbot.world.MigrationTiming;
import pdmbot.world.PendingMigration;

/** A run limited to a subset ({@code pdm execute --only}): what it may run of what is pending, and how it says so. */
final class ScopedPlans {

    /** The line a step's stored plan carries when the subset leaves migrations of the package pending there. */
    static final String PARTIAL = "# partial";

    private ScopedPlans() {
    }

    /** Of what is pending, what the run may run: all of it for a whole run, else only the scope's (database, version). */
    static List<PendingMigration> chosen(List<PendingMigration> pending, Optional<RunScope> scope) {
        if (scope.isEmpty()) return pending;
        return pending.stream().filter(m -> scope.get().includes(m.environment(), m.database(), m.migration().version())).toList();
    }

    /** What is pending, limited to the scope: each entry keeps only the databases the scope holds it on. */
    static PendingPlan restrict(PendingPlan plan, Optional<RunScope> scope) {
        if (scope.isEmpty()) return plan;
        Map<Environment, List<PendingPlan.Entry>> byEnvironment = new java.util.LinkedHashMap<>();
        for (Environment environment : plan.environments()) {
            List<PendingPlan.Entry> kept = new ArrayList<>();
            for (PendingPlan.Entry entry : plan.on(environment)) {
                Set<LogicalDatabase> databases = new TreeSet<>();
                for (LogicalDatabase d : entry.databases())
                    if (scope.get().includes(environment, d, entry.migration().version())) databases.add(d);
                if (!databases.isEmpty()) kept.add(new PendingPlan.Entry(entry.migration(), Set.copyOf(databases)));
            }
            byEnvironment.put(environment, kept);
        }
        Map<Environment, pdmbot.world.AutoDeployPackage> packages = new java.util.LinkedHashMap<>();
        for (Environment environment : plan.environments()) plan.packageOn(environment).ifPresent(p -> packages.put(environment, p));
        return new PendingPlan(plan.environments(), byEnvironment, packages);
    }

    /** The versions of a step's plan items ({@code db version name}). */
    static Set<String> versions(List<String[]> items) {
        Set<String> versions = new TreeSet<>();
        for (String[] item : items) versions.add(item[1]);
        return versions;
    }

    /** The plan items a job log shows {@code migrated} (the ones that ran before a failure). */
    static List<String[]> migratedIn(List<String[]> items, List<MigrationTiming> timings) {
        List<String[]> migrated = new ArrayList<>();
        for (String[] item : items)
            for (MigrationTiming t : timings)
                if (!t.isUnfinished() && t.version().equals(item[1])
                        && t.database().map(d -> d.id().equals(item[0])).orElse(true)) {
                    migrated.add(item);
                    break;
                }
        return migrated;
    }

    /** {@code " Limited to `--only sidekiq_only`."} (the words the scope was asked with), empty for a whole run. */
    static String limitedTo(Optional<RunScope> scope) {
        return scope.map(s -> " Limited to `" + s.only() + "`.").orElse("");
    }

    /** {@code "db/gstg 20231106180117; db/gprd 20231106180117, 20231107035713"}: the scope's versions per environment. */
    static String versionsLine(RunScope scope) {
        Map<Environment, Set<String>> byEnvironment = new TreeMap<>();
        for (RunScope.Entry e : scope.entries()) byEnvironment.computeIfAbsent(e.environment(), x -> new TreeSet<>()).add(e.version());
        List<String> parts = new ArrayList<>();
        byEnvironment.forEach((env, versions) -> parts.add(env.databaseEnvironment() + " " + String.join(", ", versions)));
        return String.join("; ", parts);
    }
}
