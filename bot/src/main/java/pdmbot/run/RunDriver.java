package pdmbot.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The threads of {@link RunService}: one drives runs, one watches for abandoned ones; both stop with it. */
final class RunDriver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunDriver.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(20);

    private final RunEngine engine;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "pdm-run"));
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pdm-run-watch"));
    private final List<Future<?>> driving = new CopyOnWriteArrayList<>();

    RunDriver(RunEngine engine) {
        this.engine = engine;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void submit(long runId, int runAttempt, RunEngine.Checks checked) {
        driving.add(worker.submit(() -> {
            try {
                engine.drive(runId, runAttempt, checked);
            } catch (RuntimeException e) {
                // The store itself failed: the run stays running, its heartbeat goes stale, and it is picked up again.
                log.error("driving run {} stopped", runId, e);
            }
        }));
    }

    void every(Duration period, Runnable look) {
        watcher.scheduleWithFixedDelay(look, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : driving) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // an Error (a simulated crash in tests) ended the drive; the run stays as the store has it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        driving.removeIf(Future::isDone);
        return true;
    }

    /** A run being driven gets a short grace to reach its end; past it, it is left running where it is. */
    @Override
    public void close() {
        watcher.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) worker.shutdownNow();
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
