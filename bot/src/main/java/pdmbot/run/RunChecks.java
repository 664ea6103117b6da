package pdmbot.run;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
import pdmbot.world.PendingMigrations;
import pdmbot.world.RunningDeployment;
import pdmbot.world.World;

/** Gathers the facts the production checks need from the world and the store, and evaluates checks.drl over them. */
public final class RunChecks {

    /** The checks' report and the pending plan they were made on. */
    public record Result(CheckReport report, PendingPlan plan) {
    }

    private final ProductionChecks rules;
    private final World world;
    private final PendingMigrations.DatabasesOf databases;
    private final Operations operations;
    private final LockStore locks;
    private final ChangeLockCalendar calendar;
    private final Clock clock;

    public RunChecks(ProductionChecks rules, World world, PendingMigrations.DatabasesOf databases, Operations operations,
                     LockStore locks, ChangeLockCalendar calendar, Clock clock) {
        this.rules = rules;
        this.world = world;
        this.databases = databases;
        this.operations = operations;
        this.locks = locks;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What is pending now on the environments, on the databases the classification gives each migration. */
    public PendingPlan pending(List<Environment> environments) {
        return PendingPlan.of(world, databases, environments);
    }

    /** The checks before a new run on these environments. */
    public Result evaluate(List<Environment> environments) {
        return evaluate(environments, Optional.empty());
    }

    /**
     * The checks before resuming a run (a retry, a resume after a stop): the same rules on the facts of this moment,
     * except that the run's own locks are not someone else's, and what is left of a run with nothing pending is
     * still finished.
     */
    public Result evaluateFor(long runId, List<Environment> environments) {
        return evaluate(environments, Optional.of(runId));
    }

    private Result evaluate(List<Environment> environments, Optional<Long> resumed) {
        PendingPlan plan = PendingPlan.of(world, databases, environments);
        CheckFacts.Builder facts = CheckFacts.builder();
        resumed.ifPresent(id -> facts.add(new CheckFacts.ResumedRun(id)));
        facts.add(new CheckFacts.RunTargets(RunPlan.words(environments)));
        for (Environment environment : environments)
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
            if (environments.contains(lock.environment())
                    && !resumed.map(id -> lock.lockedBy().equals(LockSteps.holder(id))).orElse(false))
                facts.add(new CheckFacts.HeldLock(lock.environment().id(), lock.lockedBy(), lock.reason(), lock.until()));
        return new Result(rules.evaluate(facts.build()), plan);
    }
}
