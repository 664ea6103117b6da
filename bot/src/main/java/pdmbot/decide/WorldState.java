package pdmbot.decide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    public HealthSignals health() {
        return health;
    }

    @Override
    public List<Object> factsAt(Instant now, List<GroupFacts> groups) {
        List<Object> facts = new ArrayList<>();
        for (RunningDeployment d : operations.runningDeployments().running())
            facts.add(new DecisionFacts.DeployRunning(d.isStaging() ? Environment.GSTG.id() : Environment.GPRD.id(),
                    "a deployment of `" + d.packageVersion() + "` is running on " + d.environment().id() + " (pipeline " + d.pipeline() + ")"));
        for (Incident i : operations.incidents().activeIncidents())
            facts.add(new DecisionFacts.Incident(i.id(), i.title(), i.severity(), i.blocksDeployments()));
        for (ChangeRequest c : operations.changeRequests().activeChangeRequests())
            facts.add(new DecisionFacts.ChangeRequest(c.id(), c.title(), c.criticality(), c.inProgress(), c.blocksDeployments()));
        for (EnvironmentLock lock : locks.locks())
            facts.add(new DecisionFacts.EnvironmentLocked(lock.environment().id(), lock.environment().id() + " is locked by "
                    + lock.lockedBy() + (lock.reason() == null || lock.reason().isBlank() ? "" : " (" + lock.reason() + ")")));
        Set<String> asked = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        for (GroupFacts g : groups) {
            tables.addAll(g.fact().tables());
            if (g.finalizes().isEmpty()) continue;
            for (String db : g.fact().databases()) {
                if (!asked.add(g.group().environment().id() + " " + db)) continue;
                LogicalDatabase database = LogicalDatabase.byId(db).orElseThrow();
                for (BatchedBackgroundMigration b : backgroundMigrations.on(g.group().environment(), database))
                    if (b.isUnfinished())
                        facts.add(new DecisionFacts.UnfinishedBackgroundMigration(g.group().environment().id(), db, b.jobClass(),
                                b.table(), b.status(), b.progress()));
            }
        }
        facts.addAll(health.readAt(now, tables));
        return facts;
    }
}
