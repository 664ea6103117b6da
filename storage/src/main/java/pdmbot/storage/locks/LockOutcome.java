package pdmbot.storage.locks;

/** What asking for a lock gave: the lock, or the one someone else already holds. */
public sealed interface LockOutcome permits LockOutcome.Locked, LockOutcome.AlreadyLocked {

    /** The environment is now locked by the caller. */
    record Locked(EnvironmentLock lock) implements LockOutcome {
    }

    /** Someone holds a lock on the environment already; it is left as it was. */
    record AlreadyLocked(EnvironmentLock existing) implements LockOutcome {
    }
}
