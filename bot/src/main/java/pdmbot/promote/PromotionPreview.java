package pdmbot.promote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.ledger.MigrationNatures;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.DatabaseState;
import pdmbot.world.PackageSource;

/**
 * What a promotion changes, said before it is confirmed: the post-deploy migrations the package brings that will then
 * be pending on the target's databases (with their natures), and for a rollback what it does to the rollback line.
 */
final class PromotionPreview {

    /** A migration that will be pending, its nature and the databases it will be pending on. */
    record Pending(PostMigration migration, String nature, Set<LogicalDatabase> databases) {
    }

    /**
     * The migrations brought, how many were pending there before, and how many of those the candidate does not hold
     * (a rollback: they stop being pending while it runs).
     */
    record Brought(Environment on, List<Pending> brought, int pendingBefore, int noLongerPending) {
    }

    private final PackageSource packages;
    private final DatabaseState databases;
    private final MigrationNatures natures;

    PromotionPreview(PackageSource packages, DatabaseState databases, MigrationNatures natures) {
        this.packages = packages;
        this.databases = databases;
        this.natures = natures;
    }

    /** Empty where nothing can be said: the target shares no PDM databases, or the candidate is no package. */
    Optional<Brought> brought(Candidate candidate, PromotionChain.Step target, Optional<WhatRuns.Running> runningThere) {
        if (target.pdmEnvironment().isEmpty() || candidate.pkg().isEmpty()) return Optional.empty();
        Environment on = target.pdmEnvironment().get();
        Set<String> before = new HashSet<>();
        int pendingBefore = 0;
        Optional<AutoDeployPackage> current = runningThere.flatMap(WhatRuns.Running::pkg);
        if (current.isPresent())
            for (PostMigration m : packages.postMigrationsAt(current.get())) {
                before.add(m.version());
                if (!pendingOn(on, m).isEmpty()) pendingBefore++;
            }
        List<Pending> brought = new ArrayList<>();
        Set<String> after = new HashSet<>();
        for (PostMigration m : packages.postMigrationsAt(candidate.pkg().get())) {
            after.add(m.version());
            if (before.contains(m.version())) continue;
            Set<LogicalDatabase> pending = pendingOn(on, m);
            if (!pending.isEmpty()) brought.add(new Pending(m, natures.of(m).nature(), pending));
        }
        int noLongerPending = 0;
        if (current.isPresent())
            for (PostMigration m : packages.postMigrationsAt(current.get()))
                if (!after.contains(m.version()) && !pendingOn(on, m).isEmpty()) noLongerPending++;
        return Optional.of(new Brought(on, brought, pendingBefore, noLongerPending));
    }

    private Set<LogicalDatabase> pendingOn(Environment on, PostMigration m) {
        Set<LogicalDatabase> pending = new HashSet<>();
        for (LogicalDatabase db : natures.of(m).databases()) if (!databases.hasRun(on, db, m.version())) pending.add(db);
        return pending;
    }

    /** For a rollback: what it means for the rollback line, one sentence. */
    static String rollbackMeaning(Candidate candidate, Optional<WhatRuns.Running> from, Optional<AutoDeployPackage> line,
                                  Optional<Brought> brought) {
        if (line.isEmpty()) return "No rollback line is known (no successful db/gprd deployment), so a rollback cannot be checked.";
        String l = "`" + line.get().version() + "`";
        return "A rollback from " + from.map(r -> "`" + r.name() + "`").orElse("what runs now") + " to " + candidate.describe()
                + " keeps the rollback line at " + l + ": the post-deploy migrations of the packages after it have not run,"
                + " so the code can go back as far as " + l + " and no further."
                + brought.filter(b -> b.noLongerPending() > 0).map(b -> " " + b.noLongerPending() + " post-deploy migration"
                + (b.noLongerPending() == 1 ? "" : "s") + " pending on " + b.on().databaseEnvironment() + " now belong to"
                + " packages after " + candidate.describe() + " and stop being pending while it runs: no PDM run will run"
                + " them until a newer package is deployed again.").orElse("");
    }
}
