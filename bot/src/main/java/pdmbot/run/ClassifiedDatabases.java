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

    private final PackageSource packages;
    private final BiFunction<PostMigration, byte[], Classification> classify;

    public ClassifiedDatabases(PackageSource packages, BiFunction<PostMigration, byte[], Classification> classify) {
        this.packages = packages;
        this.classify = classify;
    }

    /** With the built-in rules and table sizes, classified afresh (tests and tools without a classification store). */
    public static ClassifiedDatabases builtIn(PackageSource packages) {
        Classifier classifier = new Classifier(RuleBook.builtIn(), TableSizes.defaults());
        return new ClassifiedDatabases(packages, (migration, content) -> classifier.classify(migration.path(), content));
    }

    @Override
    public Set<LogicalDatabase> of(AutoDeployPackage pkg, PostMigration migration) {
        Optional<byte[]> content = packages.fileAt(pkg, migration.path());
        if (content.isEmpty()) return EnumSet.allOf(LogicalDatabase.class);
        Set<LogicalDatabase> databases = classify.apply(migration, content.get()).databases();
        return databases.isEmpty() ? EnumSet.allOf(LogicalDatabase.class) : databases;
    }
}
