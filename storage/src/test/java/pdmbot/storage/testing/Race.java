package pdmbot.storage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on their own threads, released at the same instant, and collects what each returned. */
public final class Race {

    private Race() {
    }

    @SafeVarargs
    public static <T> List<T> run(Callable<T>... contenders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders.length);
        try {
            CountDownLatch ready = new CountDownLatch(contenders.length);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> contender : contenders) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return contender.call();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(30, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
