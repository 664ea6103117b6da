package pdmbot.pending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.ledger.MigrationNatures;
import pdmbot.run.PendingPlan;
import pdmbot.run.RunEvents;
import pdmbot.run.RunStep;
import pdmbot.storage.changes.WorldChangeStore;
import pdmbot.storage.runs.RunRecord;

/**
 * The pending view of one instance. A snapshot is computed on first read, then again only when a change is
 * signalled: here ({@link #changed}, a run step or a run's end through {@link RunEvents}), by another instance
 * (the shared {@link WorldChangeStore} counter, polled every {@code poll}), or by time ({@code maxAge}: the world
 * changes outside the bot too — a deployment made by the deployer, a new package). Of many readers after a change,
 * one computes and the others wait for that same computation; without a change readers only read memory.
 */
public final class MaintainedPendingView implements PendingView, RunEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MaintainedPendingView.class);

    private final Supplier<PendingPlan> plans;
    private final MigrationNatures natures;
    private final Function<String, Optional<Instant>> introducedAt;
    private final WorldChangeStore shared;
    private final Clock clock;
    private final List<Consumer<PendingSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong wanted = new AtomicLong(1);
    private final Object computing = new Object();
    private volatile PendingSnapshot snapshot;
    private volatile long sharedSeen = Long.MIN_VALUE;
    private volatile ScheduledExecutorService poller;
    private volatile boolean closed;
    private volatile Duration poll;
    private volatile Duration maxAge;

    /**
     * @param plans        what is pending now, computed afresh (the world's answer)
     * @param introducedAt when the package that introduced a migration version was built, if the ledger knows it
     * @param shared       the change counter every instance on the database bumps and polls
     */
    public MaintainedPendingView(Supplier<PendingPlan> plans, MigrationNatures natures,
                                 Function<String, Optional<Instant>> introducedAt, WorldChangeStore shared, Clock clock) {
        this.plans = plans;
        this.natures = natures;
        this.introducedAt = introducedAt;
        this.shared = shared;
        this.clock = clock;
    }

    /**
     * Polls the shared counter every {@code poll} and recomputes a snapshot older than {@code maxAge}, from the first
     * read on: a bot that never reads the view (or fails to start) runs no poller.
     */
    public MaintainedPendingView polling(Duration poll, Duration maxAge) {
        this.poll = poll;
        this.maxAge = maxAge;
        return this;
    }

    private synchronized void startPolling() {
        if (poller != null || poll == null || closed) return;
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pdm-pending");
            t.setDaemon(true);
            return t;
        });
        started.scheduleWithFixedDelay(() -> look(maxAge), poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        poller = started;
    }

    @Override
    public PendingSnapshot current() {
        if (poller == null) startPolling();
        PendingSnapshot now = snapshot;
        if (now != null && now.generation() >= wanted.get()) return now;
        return recompute();
    }

    @Override
    public void subscribe(Consumer<PendingSnapshot> listener) {
        listeners.add(listener);
    }

    @Override
    public void changed(String why) {
        wanted.incrementAndGet();
        try {
            long generation = shared.bump(why);
            if (generation > sharedSeen) sharedSeen = generation;
        } catch (RuntimeException e) {
            log.warn("could not tell other instances that {}: {}", why, e.toString());
        }
        ScheduledExecutorService p = poller;
        if (p == null || snapshot == null || closed) return;
        try {
            p.execute(this::recomputeQuietly);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // closed meanwhile: the next reader (if any) recomputes
        }
    }

    @Override
    public void stepEnded(RunRecord run, RunStep step, boolean succeeded, Duration took) {
        changed("run " + run.id() + " step " + step.id() + (succeeded ? " succeeded" : " failed"));
    }

    @Override
    public void runEnded(RunRecord run) {
        changed("run " + run.id() + " " + run.state().id());
    }

    /** One poll: another instance's change, or a snapshot past its age, makes a new one (only once someone has read). */
    void look(Duration maxAge) {
        if (closed) return;
        try {
            long generation = shared.generation();
            boolean theirs = generation != sharedSeen;
            if (theirs) sharedSeen = generation;
            PendingSnapshot now = snapshot;
            if (now == null) return;
            boolean old = Duration.between(now.computedAt(), clock.instant()).compareTo(maxAge) >= 0;
            if (theirs || old) {
                wanted.incrementAndGet();
                recompute();
            }
        } catch (RuntimeException e) {
            // the bot closing its store under a poll in flight is no news
            if (!closed) log.warn("could not refresh the pending view: {}", e.toString());
        }
    }

    private void recomputeQuietly() {
        try {
            recompute();
        } catch (RuntimeException e) {
            if (!closed) log.warn("could not recompute the pending view: {}", e.toString());
        }
    }

    private PendingSnapshot recompute() {
        synchronized (computing) {
            long generation = wanted.get();
            PendingSnapshot now = snapshot;
            if (now != null && now.generation() >= generation) return now;
            PendingSnapshot next = compute(generation);
            snapshot = next;
            for (Consumer<PendingSnapshot> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    log.warn("a pending view listener failed", e);
                }
            }
            return next;
        }
    }

    private PendingSnapshot compute(long generation) {
        Instant at = clock.instant();
        PendingPlan plan = plans.get();
        Map<String, MigrationNatures.Summary> byVersion = new HashMap<>();
        List<PendingItem> items = new ArrayList<>();
        for (Environment environment : plan.environments()) {
            Optional<Instant> deployedBuild = plan.packageOn(environment).map(p -> p.version().builtAt());
            for (PendingPlan.Entry entry : plan.on(environment)) {
                String version = entry.migration().version();
                MigrationNatures.Summary nature = byVersion.computeIfAbsent(version, v -> natures.of(entry.migration()));
                Optional<Instant> since = introducedAt.apply(version).or(() -> deployedBuild);
                for (LogicalDatabase database : entry.databases())
                    items.add(new PendingItem(environment, database, entry.migration(), nature.nature(), since));
            }
        }
        return new PendingSnapshot(generation, at, plan, items, byVersion);
    }

    /** Stops polling and waits (briefly) for a poll in flight, so nothing reads the store after the bot closes it. */
    @Override
    public synchronized void close() {
        closed = true;
        ScheduledExecutorService p = poller;
        if (p == null) return;
        p.shutdownNow();
        try {
            if (!p.awaitTermination(5, TimeUnit.SECONDS)) log.info("a pending view poll was still running at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
