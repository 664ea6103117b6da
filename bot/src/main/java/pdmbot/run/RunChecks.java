package pdmbot.run;

import java.time.Clock;
import java.util.List;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.rules.checks.CheckFacts;
import pdmbot.rules.checks.CheckReport;
import pdmbot.rules.checks.ProductionChecks;
import pdmbot.storage.locks.EnvironmentLock;
import pdmbot.storage.locks.LockStore;
import pdmbot.world.ChangeLock;
import pdmbot.world.ChangeLockCalendar;
import pdmbot.world.ChangeRequest;
import pdmbot.world.Incident;
import pdmbot.world.Operations;
import pdmbot.world.RunningDeployment;
import pdmbot.world.World;

/** Gathers the facts the production checks need from the world and the store, and evaluates checks.drl over them. */
public final class RunChecks {

    /** The checks' report and the pending plan they were made on. */
    public record Result(CheckReport report, PendingPlan plan) {
    }

    private final ProductionChecks rules;
    private final World world;
    private final Operations operations;
    private final LockStore locks;
    private final ChangeLockCalendar calendar;
    private final Clock clock;

    public RunChecks(ProductionChecks rules, World world, Operations operations, LockStore locks, ChangeLockCalendar calendar,
                     Clock clock) {
        this.rules = rules;
        this.world = world;
        this.operations = operations;
        this.locks = locks;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Result evaluate() {
        PendingPlan plan = PendingPlan.of(world);
        CheckFacts.Builder facts = CheckFacts.builder();
        for (Environment environment : PendingPlan.ENVIRONMENTS)
            for (PendingPlan.Entry entry : plan.on(environment))
                for (LogicalDatabase database : entry.databases())
                    facts.add(new CheckFacts.PendingWork(environment.id(), database.id(), entry.migration().version()));
        for (RunningDeployment d : operations.runningDeployments().running())
            facts.add(new CheckFacts.Deploying(d.environment().id(), d.isStaging(), d.packageVersion(),
                    d.pipelineUrl().isBlank() ? d.pipeline() : d.pipeline() + " " + d.pipelineUrl(), d.startedAt()));
        for (Incident i : operations.incidents().activeIncidents())
            facts.add(new CheckFacts.OpenIncident(i.id(), i.title(), i.severity(), i.blocksDeployments()));
        for (ChangeRequest c : operations.changeRequests().activeChangeRequests())
            facts.add(new CheckFacts.OpenChangeRequest(c.id(), c.title(), c.criticality(), c.inProgress(), c.blocksDeployments()));
        for (ChangeLock lock : calendar.inForceAt(clock.instant()))
            facts.add(new CheckFacts.ProductionChangeLock(lock.name(), lock.reason(), lock.until()));
        for (EnvironmentLock lock : locks.locks())
            if (List.of(Environment.GSTG, Environment.GPRD).contains(lock.environment()))
                facts.add(new CheckFacts.HeldLock(lock.environment().id(), lock.lockedBy(), lock.reason(), lock.until()));
        return new Result(rules.evaluate(facts.build()), plan);
    }
}
