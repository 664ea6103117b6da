package pdmbot.pending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run decisions' week ahead, the one copy {@code pdm status} and the dashboard both show: decided again when what
 * is pending changed (the pending view's generation) and otherwise at most every {@code maxAge}. Deciding plans every
 * pending group hour by hour over the next days (~0.2 s), which per status cut {@code bench chat} to ~19 replies/s.
 * Past its age the last decisions are shown while one background decision replaces them; after a change of what is
 * pending the reader waits for the new ones. {@code pdm schedule}, {@code migration explain} and the run's own checks
 * decide afresh.
 */
public final class CachedDecisions<T> implements Supplier<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedDecisions.class);

    private record Decided<T>(long generation, Instant at, T decisions) {
    }

    private final PendingView view;
    private final Supplier<T> decide;
    private final Clock clock;
    private final Duration maxAge;
    private final Object deciding = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Decided<T> last;

    public CachedDecisions(PendingView view, Supplier<T> decide, Clock clock, Duration maxAge) {
        this.view = view;
        this.decide = decide;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public T get() {
        long generation = view.current().generation();
        Decided<T> now = last;
        if (now == null || now.generation() != generation) return decide(generation);
        if (Duration.between(now.at(), clock.instant()).compareTo(maxAge) >= 0 && refreshing.compareAndSet(false, true)) {
            Thread refresh = new Thread(() -> {
                try {
                    decide(generation);
                } catch (RuntimeException e) {
                    log.warn("could not refresh the run decisions: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            }, "pdm-decisions-refresh");
            refresh.setDaemon(true);
            refresh.start();
        }
        return now.decisions();
    }

    private T decide(long generation) {
        synchronized (deciding) {
            Decided<T> now = last;
            if (now != null && now.generation() == generation
                    && Duration.between(now.at(), clock.instant()).compareTo(maxAge) < 0) return now.decisions();
            Decided<T> next = new Decided<>(generation, clock.instant(), decide.get());
            last = next;
            return next.decisions();
        }
    }
}
