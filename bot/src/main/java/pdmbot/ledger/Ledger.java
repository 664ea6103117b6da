package pdmbot.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.storage.ledger.LedgerChange;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.storage.ledger.LedgerStore;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.World;

/** The ledger feature as the commands see it: fresh answers from the store, with the world beside it. */
public final class Ledger {

    private final LedgerStore store;
    private final World world;
    private final LedgerIngestion ingestion;
    private final MigrationRefs refs;
    private final Duration freshness;
    private long lastCatchUp;

    public Ledger(LedgerStore store, World world, LedgerIngestion ingestion, Duration freshness) {
        this.store = store;
        this.world = world;
        this.ingestion = ingestion;
        this.refs = new MigrationRefs(store);
        this.freshness = freshness;
    }

    public LedgerStore store() {
        return store;
    }

    public World world() {
        return world;
    }

    public MigrationRefs refs() {
        return refs;
    }

    public LedgerIngestion ingestion() {
        return ingestion;
    }

    /** The words every migration command takes for its ref, and the error when they are missing. */
    public static final String REF = "the migration (a version, class name or file name)";

    /** Refreshes the ledger, then resolves a ref typed in chat. */
    public pdmbot.world.Lookup<PostMigration> lookUp(String ref) {
        refresh();
        return refs.resolve(ref);
    }

    /** Catches up with the world when the last catch-up is older than the freshness window. */
    public synchronized void refresh() {
        long now = System.nanoTime();
        if (lastCatchUp != 0 && now - lastCatchUp < freshness.toNanos()) return;
        ingestion.catchUp();
        lastCatchUp = System.nanoTime();
    }

    /** The package that last added or modified the migration (its current content), if it is still present. */
    public Optional<PackageVersion> currentContentIn(String version) {
        List<LedgerEntry> changes = store.changesOf(version);
        if (changes.isEmpty() || changes.get(changes.size() - 1).kind() == LedgerChange.Kind.REMOVED) return Optional.empty();
        return Optional.of(changes.get(changes.size() - 1).packageVersion());
    }

    /** Whether the migration was removed by a later package (reverted). */
    public Optional<LedgerEntry> removal(String version) {
        List<LedgerEntry> changes = store.changesOf(version);
        if (changes.isEmpty()) return Optional.empty();
        LedgerEntry last = changes.get(changes.size() - 1);
        return last.kind() == LedgerChange.Kind.REMOVED ? Optional.of(last) : Optional.empty();
    }

    /**
     * The ledger row that gave the migration's file the content {@code pkg} has: the last change at or before that
     * package; empty when the ledger has none (or the file was removed by then).
     */
    public Optional<LedgerEntry> contentAt(PackageVersion pkg, String migrationVersion) {
        return lastChangeUpTo(store.changesOf(migrationVersion), pkg);
    }

    /** The SHA-256 of the migration's file as its newest package has it, from the ledger. */
    public Optional<String> currentContentHash(String migrationVersion) {
        return lastChangeUpTo(store.changesOf(migrationVersion), null).map(LedgerEntry::contentHash);
    }

    private static Optional<LedgerEntry> lastChangeUpTo(List<LedgerEntry> changes, PackageVersion pkg) {
        LedgerEntry last = null;
        for (LedgerEntry e : changes)
            if (pkg == null || e.packageVersion().compareTo(pkg) <= 0) last = e;
        if (last == null || last.kind() == LedgerChange.Kind.REMOVED || last.contentHash() == null) return Optional.empty();
        return Optional.of(last);
    }

    /** The source of a migration as its newest package has it. */
    public Optional<String> source(PostMigration migration) {
        return sourceBytes(migration).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The file of a migration as its newest package has it (the package that removed it has none). */
    public Optional<byte[]> sourceBytes(PostMigration migration) {
        Optional<PackageVersion> in = currentContentIn(migration.version());
        if (in.isEmpty()) in = store.introducedBy(migration.version());
        if (in.isEmpty()) return Optional.empty();
        Optional<AutoDeployPackage> pkg = world.packages().packageNamed(in.get().toString());
        return pkg.flatMap(p -> world.packages().fileAt(p, migration.path()));
    }
}
