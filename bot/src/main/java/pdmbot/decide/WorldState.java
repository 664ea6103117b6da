package pdmbot.decide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.rules.decide.DecisionFacts;
import pdmbot.storage.locks.EnvironmentLock;
import pdmbot.storage.locks.LockStore;
import pdmbot.world.BackgroundMigrations;
import pdmbot.world.BatchedBackgroundMigration;
import pdmbot.world.ChangeRequest;
import pdmbot.world.Incident;
import pdmbot.world.Operations;
import pdmbot.world.RunningDeployment;

/**
 * The facts of this moment only (they cannot be projected into a later window): deployments running, incidents,
 * change requests, environment locks, unfinished batched background migrations and the health signals.
 */
public final class WorldState implements RunDecider.PresentFacts {

    private final Operations operations;
    private final LockStore locks;
    private final BackgroundMigrations backgroundMigrations;
    private final HealthSignals health;

    public WorldState(Operations operations, LockStore locks, BackgroundMigrations backgroundMigrations, HealthSignals health) {
        this.operations = operations;
        this.locks = locks;
        this.backgroundMigrations = backgroundMigrations;
        this.health = health;
    }

    /**
     * Why a finalize's background migration has no known state in this listing: the listing is unknown, or it lists
     * only the newest migrations and this one is not among them (it may be older and still running). Matched as the
     * rules match it: by job class, else by table.
     */
    static Optional<String> unknownReason(BackgroundMigrations.Listing listing, DecisionFacts.Finalizes f) {
        if (listing instanceof BackgroundMigrations.Listing.Unknown u) return Optional.of(u.reason());
        if (!(listing instanceof BackgroundMigrations.Listing.Listed listed))
            throw new IllegalStateException("a background migrations listing is Listed or Unknown: " + listing);
        if (listed.isComplete()) return Optional.empty();
        boolean listedHere = listed.migrations().stream().anyMatch(b -> f.jobClass().isEmpty()
                ? b.table().equals(f.table()) : b.jobClass().equals(f.jobClass()));
        return listedHere ? Optional.empty() : Optional.of(listed.onlyNewest());
    }

    public HealthSignals health() {
        return health;
    }

    @Override
    public List<Object> factsAt(Instant now, List<GroupFacts> groups) {
        List<Object> facts = new ArrayList<>();
        for (RunningDeployment d : operations.runningDeployments().running())
            // a canary's deployment holds back its stage's PDMs; an environment with PDMs of its own (a ring) holds its own
            facts.add(new DecisionFacts.DeployRunning(d.environment().hasPostDeployMigrations() ? d.environment().id()
                    : d.isStaging() ? Environment.GSTG.id() : Environment.GPRD.id(),
                    "a deployment of `" + d.packageVersion() + "` is running on " + d.environment().id() + " (" + pdmbot.rules.checks.CheckFacts.Deploying.source(d.pipeline()) + ")"));
        for (Incident i : operations.incidents().activeIncidents())
            facts.add(new DecisionFacts.Incident(i.id(), i.title(), i.severity(), i.blocksDeployments()));
        for (ChangeRequest c : operations.changeRequests().activeChangeRequests())
            facts.add(new DecisionFacts.ChangeRequest(c.id(), c.title(), c.criticality(), c.inProgress(), c.blocksDeployments()));
        for (EnvironmentLock lock : locks.locks())
            facts.add(new DecisionFacts.EnvironmentLocked(lock.environment().id(), lock.environment().id() + " is locked by "
                    + lock.lockedBy() + (lock.reason() == null || lock.reason().isBlank() ? "" : " (" + lock.reason() + ")")));
        Map<String, BackgroundMigrations.Listing> asked = new LinkedHashMap<>();
        Set<String> tables = new LinkedHashSet<>();
        Set<DecisionFacts.UnknownBackgroundMigration> unknown = new LinkedHashSet<>();
        for (GroupFacts g : groups) {
            tables.addAll(g.fact().tables());
            if (g.finalizes().isEmpty()) continue;
            Environment environment = g.group().environment();
            for (String db : g.fact().databases()) {
                String key = environment.id() + " " + db;
                BackgroundMigrations.Listing listing = asked.get(key);
                if (listing == null) {
                    listing = backgroundMigrations.listingOn(environment, LogicalDatabase.byId(db).orElseThrow());
                    asked.put(key, listing);
                    if (listing instanceof BackgroundMigrations.Listing.Listed listed)
                        for (BatchedBackgroundMigration b : listed.migrations())
                            if (b.isUnfinished())
                                facts.add(new DecisionFacts.UnfinishedBackgroundMigration(environment.id(), db, b.jobClass(),
                                        b.table(), b.status(), b.progress()));
                }
                for (DecisionFacts.Finalizes f : g.finalizes())
                    unknownReason(listing, f).ifPresent(reason -> unknown.add(new DecisionFacts.UnknownBackgroundMigration(
                            environment.id(), db, f.jobClass(), f.table(), reason)));
            }
        }
        facts.addAll(unknown);
        facts.addAll(health.readAt(now, tables));
        return facts;
    }
}
