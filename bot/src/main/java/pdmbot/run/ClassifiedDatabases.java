package pdmbot.run;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.Classification;
import pdmbot.rules.classify.Classifier;
import pdmbot.rules.classify.RuleBook;
import pdmbot.rules.classify.TableSizes;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PackageSource;
import pdmbot.world.PendingMigrations;

/**
 * The one answer to "which databases does this migration run on" for the run: the classification's, of the file as
 * the package deployed on the environment has it. A file the rules give no database (or no file) runs on every one.
 */
public final class ClassifiedDatabases implements PendingMigrations.DatabasesOf {

    /** A classification already decided for the file as a package has it (the ledger's hash), without reading it. */
    @FunctionalInterface
    public interface Decided {
        Optional<Classification> at(AutoDeployPackage pkg, PostMigration migration);
    }

    private final PackageSource packages;
    private final BiFunction<PostMigration, byte[], Classification> classify;
    private final Decided decided;

    public ClassifiedDatabases(PackageSource packages, BiFunction<PostMigration, byte[], Classification> classify) {
        this(packages, classify, (pkg, migration) -> Optional.empty());
    }

    /** Asks {@code decided} first, and reads and classifies the file only when it has no answer. */
    public ClassifiedDatabases(PackageSource packages, BiFunction<PostMigration, byte[], Classification> classify,
                               Decided decided) {
        this.packages = packages;
        this.classify = classify;
        this.decided = decided;
    }

    /** With the built-in rules and table sizes, classified afresh (tests and tools without a classification store). */
    public static ClassifiedDatabases builtIn(PackageSource packages) {
        return new ClassifiedDatabases(packages, (migration, content) -> BuiltIn.CLASSIFIER.classify(migration.path(), content));
    }

    /** The built-in rules, compiled once per process at the first question (a world that opens with them pays nothing before). */
    private static final class BuiltIn {
        static final Classifier CLASSIFIER = new Classifier(RuleBook.builtIn(), TableSizes.defaults());
    }

    @Override
    public Set<LogicalDatabase> of(AutoDeployPackage pkg, PostMigration migration) {
        Optional<Classification> known = decided.at(pkg, migration);
        if (known.isEmpty()) {
            Optional<byte[]> content = packages.fileAt(pkg, migration.path());
            if (content.isEmpty()) return EnumSet.allOf(LogicalDatabase.class);
            known = Optional.of(classify.apply(migration, content.get()));
        }
        Set<LogicalDatabase> databases = known.get().databases();
        return databases.isEmpty() ? EnumSet.allOf(LogicalDatabase.class) : databases;
    }
}
