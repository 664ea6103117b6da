package pdmbot.world.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import pdmbot.domain.PostMigration;
import pdmbot.world.demo.DemoPlan.Author;
import pdmbot.world.demo.DemoPlan.PlannedCommit;
import pdmbot.world.demo.DemoPlan.PlannedMigration;
import pdmbot.world.demo.DemoPlan.PlannedPackage;

/**
 * Plans the demo history from a seed: 36 packages over milestones 16.6 and 16.7, each of one to three merge
 * request commits, bringing the catalogue's post-deploy migrations; a few packages bring none, one migration
 * is later made a no-op and one is reverted. Only {@link Random} with the seed decides, so a seed always gives
 * the same plan.
 */
final class DemoHistory {

    static final int PACKAGES = 36;
    static final int FIRST_OF_SECOND_MILESTONE = 18;
    static final Set<Integer> WITHOUT_MIGRATIONS = Set.of(4, 11, 19, 26, 33);
    static final int MODIFIES_IN = 21;
    static final int REVERTED_ADDED_IN = 29;
    static final int REVERTS_IN = 30;
    private static final int MAX_COMMITS = 3;
    private static final Instant FIRST_BUILD = Instant.parse("2023-11-01T04:00:00Z");
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final List<Author> AUTHORS = List.of(
            new Author("Amara Okafor", "aokafor@example.com"),
            new Author("Bruno Lefèvre", "blefevre@example.com"),
            new Author("Chen Wei", "cwei@example.com"),
            new Author("Dana Kowalski", "dkowalski@example.com"),
            new Author("Elif Yılmaz", "eyilmaz@example.com"),
            new Author("Farid Haddad", "fhaddad@example.com"));

    private final Random random;
    private final long seed;
    private final List<PlannedMigration> migrations = new ArrayList<>();
    private final Map<String, PlannedMigration> byName = new LinkedHashMap<>();
    private final Map<String, MigrationSpec> specs = new LinkedHashMap<>();
    private Instant lastVersion = Instant.EPOCH;
    private int mergeRequestIid;
    private int featureFlags;

    private DemoHistory(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.mergeRequestIid = 130_000 + random.nextInt(5_000);
    }

    static DemoPlan plan(long seed) {
        return new DemoHistory(seed).build();
    }

    private DemoPlan build() {
        List<List<MigrationSpec>> assigned = assign(DemoCatalogue.migrations());
        List<PlannedPackage> packages = new ArrayList<>();
        Instant built = FIRST_BUILD;
        Instant previousBuilt = FIRST_BUILD.minus(Duration.ofHours(8));
        for (int p = 0; p < PACKAGES; p++) {
            if (p > 0) {
                previousBuilt = built;
                built = built.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(20L * random.nextInt(16)));
            }
            packages.add(plannedPackage(p, previousBuilt, built, assigned.get(p)));
        }
        return new DemoPlan(seed, List.copyOf(packages), List.copyOf(migrations));
    }

    /** Spreads the catalogue over the packages that bring migrations, one to three each, in catalogue order. */
    private List<List<MigrationSpec>> assign(List<MigrationSpec> catalogue) {
        List<MigrationSpec> ordered = new ArrayList<>(catalogue);
        MigrationSpec reverted = ordered.stream().filter(s -> s.name().equals(DemoCatalogue.REVERTED_LATER))
                .findFirst().orElseThrow();
        ordered.remove(reverted);
        int[] counts = new int[PACKAGES];
        List<Integer> open = new ArrayList<>();
        for (int p = 0; p < PACKAGES; p++) {
            if (WITHOUT_MIGRATIONS.contains(p)) continue;
            counts[p] = p == REVERTED_ADDED_IN ? 0 : 1;
            open.add(p);
        }
        int placed = open.size() - 1;
        while (placed < ordered.size()) {
            int p = open.get(random.nextInt(open.size()));
            int cap = (p == 0 || p == MODIFIES_IN || p == REVERTS_IN || p == REVERTED_ADDED_IN) ? 1 : MAX_COMMITS;
            if (counts[p] >= cap) continue;
            counts[p]++;
            placed++;
        }
        List<List<MigrationSpec>> assigned = new ArrayList<>();
        int next = 0;
        for (int p = 0; p < PACKAGES; p++) {
            List<MigrationSpec> here = new ArrayList<>(ordered.subList(next, next + counts[p]));
            next += counts[p];
            if (p == REVERTED_ADDED_IN) here.add(0, reverted);
            assigned.add(here);
        }
        return assigned;
    }

    private PlannedPackage plannedPackage(int index, Instant previousBuilt, Instant built, List<MigrationSpec> specsHere) {
        int minor = index < FIRST_OF_SECOND_MILESTONE ? 6 : 7;
        String milestone = "16." + minor;
        List<CommitDraft> drafts = new ArrayList<>();
        if (index == 0) drafts.add(initialCommit());
        if (index == MODIFIES_IN) drafts.add(modification());
        if (index == REVERTS_IN) drafts.add(revert(index));
        List<MigrationSpec> left = new ArrayList<>(specsHere);
        while (!left.isEmpty()) {
            int slots = MAX_COMMITS - drafts.size();
            int take = slots <= 1 ? left.size() : (left.size() >= 2 && random.nextInt(3) == 0 ? 2 : 1);
            drafts.add(migrationCommit(left.subList(0, take), index, milestone));
            left.subList(0, take).clear();
        }
        int appCommits = specsHere.isEmpty() ? 1 + random.nextInt(2) : (random.nextInt(3) == 0 ? 1 : 0);
        for (int i = 0; i < appCommits && drafts.size() < MAX_COMMITS; i++) drafts.add(appCommit(milestone));

        Duration step = Duration.between(previousBuilt, built).dividedBy(drafts.size() + 1);
        List<PlannedCommit> commits = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Instant committed = previousBuilt.plus(step.multipliedBy(i + 1)).truncatedTo(ChronoUnit.SECONDS);
            Instant authored = committed.minus(Duration.ofMinutes(30 + random.nextInt(24 * 60)));
            drafts.get(i).versionMigrations(committed);
            commits.add(drafts.get(i).at(committed, authored));
        }
        return new PlannedPackage(index, 16, minor, built, packagingSha(), List.copyOf(commits));
    }

    private CommitDraft initialCommit() {
        CommitDraft draft = new CommitDraft("Initial commit of the demo application",
                "Rails application skeleton with the main and ci databases.", nextAuthor());
        draft.writes.putAll(DemoAppSkeleton.files());
        return draft;
    }

    private CommitDraft modification() {
        MigrationSpec spec = specs.get(DemoCatalogue.MODIFIED_LATER);
        PlannedMigration planned = byName.get(DemoCatalogue.MODIFIED_LATER);
        String className = PostMigration.fromPath(planned.path()).orElseThrow().className();
        CommitDraft draft = new CommitDraft("Make " + className + " a no-op",
                "The index build timed out on GitLab.com staging; it is recreated asynchronously in a later migration.",
                nextAuthor());
        String milestone = planned.packageIndex() < FIRST_OF_SECOND_MILESTONE ? "16.6" : "16.7";
        draft.writes.put(planned.path(), spec.render(className, milestone,
                MigrationTemplates.noop("the index build timed out on GitLab.com, see https://gitlab.com/"
                        + DemoPlan.PROJECT + "/-/issues/432107")));
        return draft;
    }

    private CommitDraft revert(int index) {
        PlannedMigration planned = byName.get(DemoCatalogue.REVERTED_LATER);
        String title = specs.get(DemoCatalogue.REVERTED_LATER).title();
        CommitDraft draft = new CommitDraft("Revert \"" + title + "\"",
                "The column is still read by a background job; dropping it now would break merges.", nextAuthor());
        draft.deletes.add(planned.path());
        draft.deletes.add("db/schema_migrations/" + planned.version());
        int i = migrations.indexOf(planned);
        PlannedMigration reverted = new PlannedMigration(planned.version(), planned.name(), planned.path(),
                planned.schema(), planned.packageIndex(), index);
        migrations.set(i, reverted);
        byName.put(reverted.name(), reverted);
        return draft;
    }

    private CommitDraft migrationCommit(List<MigrationSpec> group, int packageIndex, String milestone) {
        MigrationSpec first = group.get(0);
        String body = group.size() == 1 ? first.description()
                : first.description() + "\n\nAlso: " + group.get(1).title().toLowerCase() + ".";
        CommitDraft draft = new CommitDraft(first.title(), body, nextAuthor());
        for (MigrationSpec spec : group) draft.pending.add(new PendingSpec(spec, packageIndex, milestone));
        return draft;
    }

    private CommitDraft appCommit(String milestone) {
        int iid = mergeRequestIid + 1;
        Map.Entry<String, String> flag = DemoAppSkeleton.featureFlag(featureFlags++, iid, milestone);
        String name = flag.getKey().substring(flag.getKey().lastIndexOf('/') + 1).replace(".yml", "");
        CommitDraft draft = new CommitDraft("Add " + name + " feature flag",
                "Introduces the flag disabled by default; no database change.", nextAuthor());
        draft.writes.put(flag.getKey(), flag.getValue());
        return draft;
    }

    private Author nextAuthor() {
        mergeRequestIid += 1 + random.nextInt(400);
        return AUTHORS.get(random.nextInt(AUTHORS.size()));
    }

    private String packagingSha() {
        return String.format("%011x", random.nextLong() & ((1L << 44) - 1));
    }

    private record PendingSpec(MigrationSpec spec, int packageIndex, String milestone) {
    }

    /** A commit whose time is not known yet; its migrations get versions once it is. */
    private final class CommitDraft {
        final String title;
        final String body;
        final Author author;
        final int iid;
        final Map<String, String> writes = new LinkedHashMap<>();
        final java.util.LinkedHashSet<String> deletes = new java.util.LinkedHashSet<>();
        final List<PendingSpec> pending = new ArrayList<>();

        CommitDraft(String title, String body, Author author) {
            this.title = title;
            this.body = body;
            this.author = author;
            this.iid = mergeRequestIid;
        }

        /** Versions come two days before the merge, always increasing, as migrations are written before merging. */
        void versionMigrations(Instant committedAt) {
            for (PendingSpec p : pending) {
                Instant candidate = committedAt.minus(Duration.ofDays(2)).minusSeconds(random.nextInt(40 * 60))
                        .truncatedTo(ChronoUnit.SECONDS);
                Instant version = candidate.isAfter(lastVersion) ? candidate : lastVersion.plusSeconds(1);
                lastVersion = version;
                String v = VERSION.format(LocalDateTime.ofInstant(version, ZoneOffset.UTC));
                PostMigration migration = new PostMigration(v, p.spec().name(), PostMigration.DIRECTORY + v + "_" + p.spec().name() + ".rb");
                writes.put(migration.path(), p.spec().render(migration.className(), p.milestone()));
                writes.put("db/schema_migrations/" + v, sha256(migration.path()) + "\n");
                PlannedMigration planned = new PlannedMigration(v, p.spec().name(), migration.path(), p.spec().schema(),
                        p.packageIndex(), -1);
                migrations.add(planned);
                byName.put(planned.name(), planned);
                specs.put(planned.name(), p.spec());
            }
            pending.clear();
        }

        PlannedCommit at(Instant committedAt, Instant authoredAt) {
            return new PlannedCommit(title, body, iid, author, authoredAt, committedAt, Map.copyOf(writes), Set.copyOf(deletes));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
