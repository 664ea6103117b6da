package pdmbot.decide.bench;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import pdmbot.config.DecideConfig;
import pdmbot.decide.DecisionCalendar;
import pdmbot.decide.DeployCadence;
import pdmbot.decide.GroupFacts;
import pdmbot.decide.MigrationTables;
import pdmbot.decide.PendingGroup;
import pdmbot.decide.PendingGroups;
import pdmbot.durations.DefaultDurations;
import pdmbot.durations.Prediction;
import pdmbot.decide.RollbackLine;
import pdmbot.decide.RunDecider;
import pdmbot.decide.TrafficCalendar;
import pdmbot.decide.TrafficSource;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.rules.decide.RunDecisions;
import pdmbot.run.PendingPlan;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PendingMigration;

/**
 * {@code bench decide}: 500 generated pending migrations (250 on gstg, 250 on gprd; main, ci or both; every nature;
 * 60 tables), decided through the same {@link RunDecider} the commands use, with a deploy cadence learnt from 4 weeks of
 * generated packages. Prints the latency of one decision of every group now and of a 7-day {@code pdm schedule}, p50 and
 * p99, as JSON lines. Nothing is asserted.
 */
public final class DecideBench {

    private static final String[] NATURES = {"sidekiq_only", "large_index_or_fk", "ddl_cleanup", "dml_inline",
            "finalize_background", "noop", "unknown"};

    private DecideBench() {
    }

    public static void run(PrintStream out, int migrations, int decisions, int schedules) {
        Instant now = Instant.parse("2026-12-01T14:00:00Z");
        PendingGroups.Read read = generate(migrations, new Random(20231101));
        List<AutoDeployPackage> packages = packages(now);
        RunDecider decider = new RunDecider(RunDecisions.builtIn(), () -> read, (at, groups) -> List.of(),
                new DecisionCalendar(new TrafficSource(TrafficCalendar.gitLabComLike(), Optional.empty(), ""), List.of(),
                        DecideConfig.defaults()),
                () -> DeployCadence.of(packages),
                (environment, pending) -> new RollbackLine.Line(environment, Optional.of(packages.get(packages.size() - 1)),
                        Optional.of(packages.get(packages.size() - 4)), packages.subList(packages.size() - 4, packages.size()), List.of()),
                Clock.fixed(now, ZoneOffset.UTC));
        for (int i = 0; i < 20; i++) decider.decideAt(now); // warm up the rule base and the JIT
        long[] decide = new long[decisions];
        for (int i = 0; i < decisions; i++) {
            long t = System.nanoTime();
            decider.decideAt(now);
            decide[i] = System.nanoTime() - t;
        }
        long[] schedule = new long[schedules];
        int[] windows = {0};
        for (int i = 0; i < schedules; i++) {
            long t = System.nanoTime();
            RunDecider.Schedule s = decider.schedule(now, now.plus(Duration.ofDays(7)));
            schedule[i] = System.nanoTime() - t;
            windows[0] = (int) s.groups().stream().filter(g -> g.window().isPresent()).count();
        }
        out.println(line("decide_now", migrations, read.groups().size(), decide, "every group decided once at one moment"));
        out.println(line("schedule_7_days", migrations, read.groups().size(), schedule,
                "169 hourly moments, " + windows[0] + " of " + read.groups().size() + " groups found a window"));
    }

    private static String line(String what, int migrations, int groups, long[] nanos, String note) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "{\"bench\":\"decide\",\"what\":\"%s\",\"pending_migrations\":%d,\"groups\":%d,"
                        + "\"runs\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"note\":\"%s\"}", what, migrations, groups,
                nanos.length, sorted[sorted.length / 2] / 1e6, sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6, note);
    }

    /** Packages every 4 hours on working days for four weeks: the cadence the decisions learn. */
    private static List<AutoDeployPackage> packages(Instant now) {
        List<AutoDeployPackage> packages = new ArrayList<>();
        for (Instant t = now.minus(Duration.ofDays(28)); t.isBefore(now); t = t.plus(Duration.ofHours(4))) {
            int day = t.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
            if (day >= 6) continue;
            String stamp = t.atZone(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
            String sha = String.format("%011x", packages.size() + 1);
            packages.add(new AutoDeployPackage(PackageVersion.parse("16.7." + stamp + "-" + sha + "." + sha).orElseThrow(),
                    String.format("%040x", packages.size() + 1), "tag"));
        }
        return packages;
    }

    private static PendingGroups.Read generate(int count, Random random) {
        Map<Environment, List<PendingPlan.Entry>> byEnvironment = new EnumMap<>(Environment.class);
        Map<String, MigrationTables.Touched> touched = new LinkedHashMap<>();
        Map<String, List<PendingPlan.Entry>> byGroup = new LinkedHashMap<>();
        Map<String, Set<String>> tablesOf = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Environment environment = i % 2 == 0 ? Environment.GSTG : Environment.GPRD;
            String version = String.format("202311%02d%06d", 1 + i % 28, i);
            PostMigration migration = new PostMigration(version, "bench_migration_" + i, "db/post_migrate/" + version + "_bench_migration_" + i + ".rb");
            Set<LogicalDatabase> databases = switch (random.nextInt(3)) {
                case 0 -> EnumSet.of(LogicalDatabase.MAIN);
                case 1 -> EnumSet.of(LogicalDatabase.CI);
                default -> EnumSet.allOf(LogicalDatabase.class);
            };
            PendingPlan.Entry entry = new PendingPlan.Entry(migration, databases);
            byEnvironment.computeIfAbsent(environment, e -> new ArrayList<>()).add(entry);
            String nature = NATURES[random.nextInt(NATURES.length)];
            String table = "table_" + random.nextInt(60);
            touched.put(environment.id() + " " + version, new MigrationTables.Touched(Set.of(table), List.of()));
            String key = DecisionFacts.Group.keyOf(environment.id(), nature);
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            tablesOf.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(table);
        }
        DefaultDurations durations = DefaultDurations.builtIn();
        List<GroupFacts> groups = new ArrayList<>();
        byGroup.forEach((key, entries) -> {
            String[] parts = key.split(" ");
            Environment environment = Environment.byId(parts[0]).orElseThrow();
            List<PendingMigration> migrations = new ArrayList<>();
            Map<String, Prediction> predictions = new LinkedHashMap<>();
            Duration total = Duration.ZERO;
            Set<String> dbs = new LinkedHashSet<>();
            for (PendingPlan.Entry e : entries)
                for (LogicalDatabase db : e.databases()) {
                    PendingMigration m = new PendingMigration(environment, db, e.migration());
                    migrations.add(m);
                    dbs.add(db.id());
                    Prediction p = new Prediction(durations.of(parts[1]), 0, "default for " + parts[1]);
                    predictions.put(e.migration().version(), p);
                    total = total.plus(p.expected());
                }
            DecisionFacts.Group fact = new DecisionFacts.Group(key, environment.id(), parts[1],
                    entries.stream().map(e -> e.migration().version()).toList(), tablesOf.get(key), Set.of(), dbs,
                    total.toMinutes(), "default for " + parts[1]);
            groups.add(new GroupFacts(new PendingGroup(environment, parts[1], migrations), fact, List.of(), total, predictions));
        });
        PendingPlan plan = new PendingPlan(List.of(Environment.GSTG, Environment.GPRD), byEnvironment, Map.of());
        return new PendingGroups.Read(plan, groups, touched);
    }
}
