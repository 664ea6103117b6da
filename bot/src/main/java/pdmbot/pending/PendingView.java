package pdmbot.pending;

import java.util.function.Consumer;

/**
 * The one maintained view of what is pending, shared by {@code pdm status}, {@code /metrics}, the dashboard and the
 * decisions: kept in memory and recomputed when the world changes, not on every request.
 */
public interface PendingView {

    /** The newest snapshot; computed now only when a change was signalled since the last one (or none exists yet). */
    PendingSnapshot current();

    /** Called with every new snapshot, on the thread that computed it; a listener must be quick and must not throw. */
    void subscribe(Consumer<PendingSnapshot> listener);

    /** Something here changed what is pending: the next read sees it, and other instances learn it at their next poll. */
    void changed(String why);
}
