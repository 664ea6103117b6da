package pdmbot.storage.changes;

/**
 * A counter shared by every instance on one database, bumped when something changes what is pending, so that an
 * instance keeping an in-memory view learns with one cheap read that another instance changed the world.
 */
public interface WorldChangeStore {

    /** The generation now; it only grows. */
    long generation();

    /** Counts one change (the reason is kept for the last one only, for a human looking at the table); the new generation. */
    long bump(String reason);
}
