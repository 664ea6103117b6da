package pdmbot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.storage.locks.EnvironmentLock;
import pdmbot.storage.locks.LockOutcome;

/** Locks gstg and gprd for the run (deploys refuse while locked) and unlocks them at the end. */
final class LockSteps {

    private LockSteps() {
    }

    /** Who holds the locks a run takes; a lock by this name is the run's own. */
    static String holder(long runId) {
        return "pdm run #" + runId;
    }

    static StepResult lock(RunContext context) {
        String holder = holder(context.runId());
        List<String> taken = new ArrayList<>();
        for (Environment environment : PendingPlan.ENVIRONMENTS) {
            LockOutcome outcome = context.resources().locks().lock(environment, holder,
                    "post-deploy migrations (run #" + context.runId() + " by " + context.run().startedBy() + ")", null);
            if (outcome instanceof LockOutcome.AlreadyLocked already && !already.existing().lockedBy().equals(holder)) {
                EnvironmentLock other = already.existing();
                return StepResult.Failed.of(environment + " is locked by " + other.lockedBy()
                        + (other.reason() == null || other.reason().isBlank() ? "" : " (" + other.reason() + ")")
                        + "; the run cannot lock it");
            }
            taken.add(environment.id());
        }
        return new StepResult.Done("locked " + String.join(" and ", taken));
    }

    static StepResult unlock(RunContext context) {
        String holder = holder(context.runId());
        List<String> released = new ArrayList<>();
        for (Environment environment : PendingPlan.ENVIRONMENTS) {
            Optional<EnvironmentLock> lock = context.resources().locks().lockOf(environment);
            // Only the run's own lock goes: a release manager may have locked it for another reason since.
            if (lock.isPresent() && lock.get().lockedBy().equals(holder)) {
                context.resources().locks().unlock(environment);
                released.add(environment.id());
            }
        }
        return new StepResult.Done(released.isEmpty() ? "nothing to unlock" : "unlocked " + String.join(" and ", released));
    }
}
