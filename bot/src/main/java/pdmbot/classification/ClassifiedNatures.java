package pdmbot.classification;

import java.util.EnumSet;
import java.util.Optional;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.MigrationNatures;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.Classification;
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

    /** The classification of the migration's file as {@code pkg} has it, when already decided for that content. */
    public Optional<Classification> decidedAt(AutoDeployPackage pkg, PostMigration migration) {
        // a package the ledger has not ingested yet may have changed the file: read it then
        if (!ledger.store().hasPackage(pkg.version())) return Optional.empty();
        return ledger.contentHashAt(pkg.version(), migration.version()).flatMap(hash -> classifications.decided(migration, hash));
    }

    @Override
    public Summary of(PostMigration migration) {
        return classificationOf(migration)
                .map(c -> new Summary(c.dominant().wireName(), c.databases().isEmpty()
                        ? EnumSet.allOf(LogicalDatabase.class) : c.databases()))
                .orElseGet(() -> new Summary("unknown", EnumSet.allOf(LogicalDatabase.class)));
    }
}
