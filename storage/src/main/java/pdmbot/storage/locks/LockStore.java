package pdmbot.storage.locks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;

/**
 * Environment locks, shared by every instance on the same database: of two instances locking the same
 * environment at once, exactly one gets {@link LockOutcome.Locked}. An expired lock counts as no lock.
 */
public interface LockStore {

    /** Locks the environment; {@code until} may be null for a lock that holds until unlocked. */
    LockOutcome lock(Environment environment, String lockedBy, String reason, Instant until);

    /** Removes the lock; whether there was one (an expired one counts). */
    boolean unlock(Environment environment);

    /** The environment's lock, unless there is none or it expired. */
    Optional<EnvironmentLock> lockOf(Environment environment);

    /** Every lock in force, in environment order. */
    List<EnvironmentLock> locks();
}
