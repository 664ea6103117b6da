package pdmbot.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.runs.RunRecord;

/** The run feature's watchers: each event goes to every subscriber, and a subscriber that throws is logged, not obeyed. */
public final class RunEventHub implements RunEvents {

    private static final Logger log = LoggerFactory.getLogger(RunEventHub.class);

    private final List<RunEvents> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(RunEvents subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(RunEvents subscriber) {
        subscribers.remove(subscriber);
    }

    private void each(String event, Consumer<RunEvents> call) {
        for (RunEvents subscriber : subscribers) {
            try {
                call.accept(subscriber);
            } catch (RuntimeException e) {
                log.warn("a run watcher ({}) failed on {}; the run goes on", subscriber.getClass().getSimpleName(), event, e);
            }
        }
    }

    @Override
    public void runStarted(RunRecord run, List<Environment> environments) {
        each("run started", s -> s.runStarted(run, environments));
    }

    @Override
    public void stepStarted(RunRecord run, RunStep step, int attempt) {
        each("step started", s -> s.stepStarted(run, step, attempt));
    }

    @Override
    public void stepEnded(RunRecord run, RunStep step, boolean succeeded, Duration took) {
        each("step ended", s -> s.stepEnded(run, step, succeeded, took));
    }

    @Override
    public void migrationExecuted(RunRecord run, Environment environment, LogicalDatabase database, String version, String name,
                                  Optional<Duration> took) {
        each("migration executed", s -> s.migrationExecuted(run, environment, database, version, name, took));
    }

    @Override
    public void runEnded(RunRecord run) {
        each("run ended", s -> s.runEnded(run));
    }
}
