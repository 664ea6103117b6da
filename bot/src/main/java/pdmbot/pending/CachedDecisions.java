package pdmbot.pending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.run.StatusDecisions;

/**
 * The run decisions {@code pdm status} shows, decided again when what is pending changed (the pending view's
 * generation) and otherwise at most every {@code maxAge}: deciding plans every pending group hour by hour over the
 * next days (~0.2 s), which per status cut {@code bench chat} to ~19 replies/s. Past its age the last lines are
 * shown while one background decision replaces them; after a change of what is pending the status waits for the
 * new ones. {@code pdm schedule} and the run's own checks decide afresh; only the status line is cached.
 */
public final class CachedDecisions implements StatusDecisions {

    private static final Logger log = LoggerFactory.getLogger(CachedDecisions.class);

    private record Decided(long generation, Instant at, List<String> lines) {
    }

    private final PendingView view;
    private final StatusDecisions decisions;
    private final Clock clock;
    private final Duration maxAge;
    private final Object deciding = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Decided last;

    public CachedDecisions(PendingView view, StatusDecisions decisions, Clock clock, Duration maxAge) {
        this.view = view;
        this.decisions = decisions;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<String> lines() {
        long generation = view.current().generation();
        Decided now = last;
        if (now == null || now.generation() != generation) return decide(generation);
        if (Duration.between(now.at(), clock.instant()).compareTo(maxAge) >= 0 && refreshing.compareAndSet(false, true)) {
            Thread refresh = new Thread(() -> {
                try {
                    decide(generation);
                } catch (RuntimeException e) {
                    log.warn("could not refresh the decisions pdm status shows: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            }, "pdm-status-decisions");
            refresh.setDaemon(true);
            refresh.start();
        }
        return now.lines();
    }

    private List<String> decide(long generation) {
        synchronized (deciding) {
            Decided now = last;
            if (now != null && now.generation() == generation
                    && Duration.between(now.at(), clock.instant()).compareTo(maxAge) < 0) return now.lines();
            Decided next = new Decided(generation, clock.instant(), List.copyOf(decisions.lines()));
            last = next;
            return next.lines();
        }
    }
}
