package pdmbot.classification;

import java.util.EnumSet;
import java.util.Optional;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.MigrationNatures;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.Classification;
import pdmbot.storage.ledger.LedgerEntry;
import pdmbot.world.AutoDeployPackage;

/** Natures from the rules, for the migration's content in its newest package. */
public final class ClassifiedNatures implements MigrationNatures {

    private final Ledger ledger;
    private final Classifications classifications;

    public ClassifiedNatures(Ledger ledger, Classifications classifications) {
        this.ledger = ledger;
        this.classifications = classifications;
    }

    /** The classification of the migration as its newest package has it; empty when no package carries its file. */
    public Optional<Classification> classificationOf(PostMigration migration) {
        // decided before for the content the ledger recorded: no need to read the file from the world again
        Optional<Classification> decided = ledger.currentContentHash(migration.version())
                .flatMap(hash -> classifications.decided(migration, hash));
        if (decided.isPresent()) return decided;
        return ledger.sourceBytes(migration).map(bytes -> classifications.classify(migration, bytes));
    }

    /**
     * The classification of the migration's file as {@code pkg} has it, through the ledger: decided before for the
     * content hash the ledger recorded at that package, else classified from the file of the package that last changed
     * it (the same content, and the file the ledger ingestion read already). Empty when the ledger has not ingested
     * {@code pkg} (a newer package may have changed the file: read it there).
     */
    public Optional<Classification> decidedAt(AutoDeployPackage pkg, PostMigration migration) {
        if (!ledger.store().hasPackage(pkg.version())) return Optional.empty();
        Optional<LedgerEntry> last = ledger.contentAt(pkg.version(), migration.version());
        if (last.isEmpty()) return Optional.empty();
        Optional<Classification> decided = classifications.decided(migration, last.get().contentHash());
        if (decided.isPresent()) return decided;
        return ledger.world().packages().packageNamed(last.get().packageVersion().toString())
                .flatMap(changedIn -> ledger.world().packages().fileAt(changedIn, migration.path()))
                .map(bytes -> classifications.classify(migration, bytes));
    }

    @Override
    public Summary of(PostMigration migration) {
        return classificationOf(migration)
                .map(c -> new Summary(c.dominant().wireName(), c.databases().isEmpty()
                        ? EnumSet.allOf(LogicalDatabase.class) : c.databases()))
                .orElseGet(() -> new Summary("unknown", EnumSet.allOf(LogicalDatabase.class)));
    }
}
