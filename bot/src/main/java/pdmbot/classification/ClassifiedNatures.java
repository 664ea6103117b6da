package pdmbot.classification;

import java.util.EnumSet;
import java.util.Optional;
import pdmbot.ledger.Ledger;
import pdmbot.ledger.MigrationNatures;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.Classification;

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
        return ledger.sourceBytes(migration).map(bytes -> classifications.classify(migration, bytes));
    }

    @Override
    public Summary of(PostMigration migration) {
        return classificationOf(migration)
                .map(c -> new Summary(c.dominant().wireName(), c.databases().isEmpty()
                        ? EnumSet.allOf(LogicalDatabase.class) : c.databases()))
                .orElseGet(() -> new Summary("unknown", EnumSet.allOf(LogicalDatabase.class)));
    }
}
