package pdmbot.durations;

import java.util.Optional;
import java.util.function.BiFunction;
import pdmbot.domain.Environment;
import pdmbot.domain.PostMigration;
import pdmbot.rules.classify.Classification;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.Deployments;
import pdmbot.world.PackageSource;

/**
 * Profiles from the classification of the file as deployed: its dominant nature, and {@link TableSize#LARGE} when a
 * reason's rule speaks of a large table (the rules decide what is large, from {@code rules.table-sizes}). A file the
 * package does not have is {@link MigrationProfile#UNKNOWN}.
 */
public final class ClassifiedProfiles implements MigrationProfiles {

    private final PackageSource packages;
    private final Deployments deployments;
    private final BiFunction<PostMigration, byte[], Classification> classify;

    public ClassifiedProfiles(PackageSource packages, Deployments deployments,
                              BiFunction<PostMigration, byte[], Classification> classify) {
        this.packages = packages;
        this.deployments = deployments;
        this.classify = classify;
    }

    @Override
    public MigrationProfile of(Environment environment, PostMigration migration) {
        Optional<AutoDeployPackage> pkg = deployments.packageOn(environment);
        if (pkg.isEmpty()) return MigrationProfile.UNKNOWN;
        Optional<byte[]> content = packages.fileAt(pkg.get(), migration.path());
        if (content.isEmpty()) return MigrationProfile.UNKNOWN;
        Classification c = classify.apply(migration, content.get());
        boolean large = c.reasons().stream().anyMatch(r -> r.rule().contains("large table"));
        return new MigrationProfile(c.dominant().wireName(), large ? TableSize.LARGE : TableSize.ORDINARY);
    }
}
