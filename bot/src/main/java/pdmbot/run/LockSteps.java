package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.storage.locks.EnvironmentLock;
import pdmbot.storage.locks.LockOutcome;

/** Locks the run's environments (deploys refuse while locked), takes them back on a retry, and unlocks them at the end. */
final class LockSteps {

    private LockSteps() {
    }

    /** Who holds the locks a run takes; a lock by this name is the run's own. */
    static String holder(long runId) {
        return "pdm run #" + runId;
    }

    static StepResult lock(RunContext context) {
        List<String> taken = new ArrayList<>();
        for (Environment environment : context.environments()) {
            Optional<String> refused = take(context, environment);
            if (refused.isPresent()) return StepResult.Failed.of(refused.get());
            taken.add(environment.id());
        }
        return new StepResult.Done("locked " + RunPlan.wordsOf(taken));
    }

    /**
     * Before a resumed run goes on: every environment it locked and has not unlocked is locked by it again, in case
     * someone unlocked it while the run was failed. Returns the environments locked again, or why one could not be.
     */
    static StepResult relock(RunContext context) {
        List<String> retaken = new ArrayList<>();
        for (Environment environment : context.environments()) {
            Optional<EnvironmentLock> lock = context.resources().locks().lockOf(environment);
            if (lock.isPresent() && lock.get().lockedBy().equals(holder(context.runId()))) continue;
            Optional<String> refused = take(context, environment);
            if (refused.isPresent()) return StepResult.Failed.of(refused.get());
            retaken.add(environment.id());
        }
        return new StepResult.Done(retaken.isEmpty() ? "" : "locked " + RunPlan.wordsOf(retaken) + " again");
    }

    private static Optional<String> take(RunContext context, Environment environment) {
        String holder = holder(context.runId());
        LockOutcome outcome = context.resources().locks().lock(environment, holder,
                "post-deploy migrations (run #" + context.runId() + " by " + context.run().startedBy() + ")", null);
        if (outcome instanceof LockOutcome.AlreadyLocked already && !already.existing().lockedBy().equals(holder)) {
            EnvironmentLock other = already.existing();
            return Optional.of(environment + " is locked by " + other.lockedBy()
                    + (other.reason() == null || other.reason().isBlank() ? "" : " (" + other.reason() + ")")
                    + "; the run cannot lock it");
        }
        return Optional.empty();
    }

    static StepResult unlock(RunContext context) {
        String holder = holder(context.runId());
        List<String> released = new ArrayList<>();
        for (Environment environment : context.environments()) {
            Optional<EnvironmentLock> lock = context.resources().locks().lockOf(environment);
            // Only the run's own lock goes: a release manager may have locked it for another reason since.
            if (lock.isPresent() && lock.get().lockedBy().equals(holder)) {
                context.resources().locks().unlock(environment);
                released.add(environment.id());
            }
        }
        return new StepResult.Done(released.isEmpty() ? "nothing to unlock" : "unlocked " + RunPlan.wordsOf(released));
    }
}
