package pdmbot.promote;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.chat.Announcements;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.run.EffectKey;
import pdmbot.run.Effects;
import pdmbot.storage.locks.LockOutcome;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.promotions.Promotion;
import pdmbot.storage.promotions.PromotionRequest;
import pdmbot.storage.promotions.PromotionStart;
import pdmbot.storage.promotions.PromotionState;
import pdmbot.storage.promotions.PromotionStore;
import pdmbot.storage.runs.EffectClaim;
import pdmbot.world.DeployPipelines;
import pdmbot.world.PipelineHandle;
import pdmbot.world.PipelineStatus;

/**
 * Runs a promotion that passed its guards: records it (one deploying promotion per environment, across instances),
 * locks the PDM environment, starts the deploy pipeline once ({@link Effects}, keyed by the promotion), and — when
 * asked where it is, or every poll while a process serves — ends it once, unlocks, and announces start, end or
 * failure in the promotion's thread.
 */
public final class PromotionExecution implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PromotionExecution.class);

    /** How a start went. */
    sealed interface StartResult permits Started, Busy, Failed {
    }

    record Started(Promotion promotion, PipelineHandle pipeline) implements StartResult {
    }

    /** Another promotion deploys to the environment (maybe started by another instance at the same moment). */
    record Busy(Promotion existing) implements StartResult {
    }

    /** Recorded, then stopped before its pipeline ran (the lock was taken meanwhile, the pipeline could not start). */
    record Failed(Promotion promotion, String why) implements StartResult {
    }

    /** How long a start may take before another look takes a promotion without a pipeline for a stopped one. */
    static final Duration START_GRACE = Duration.ofMinutes(2);

    private final PromotionStore store;
    private final LockStore locks;
    private final DeployPipelines pipelines;
    private final Announcements announcements;
    private final PromotionChain chain;
    private final Clock clock;
    private ScheduledExecutorService watcher;

    PromotionExecution(PromotionStore store, LockStore locks, DeployPipelines pipelines, Announcements announcements,
                       PromotionChain chain, Clock clock) {
        this.store = store;
        this.locks = locks;
        this.pipelines = pipelines;
        this.announcements = announcements;
        this.chain = chain;
        this.clock = clock;
    }

    static String holder(long id) {
        return "deploy #" + id;
    }

    static String topic(long id) {
        return "promotion-" + id;
    }

    StartResult start(PromotionGuards.Ask ask) {
        PromotionStart recorded = store.start(new PromotionRequest(ask.target().environment(), ask.candidate().name(),
                ask.candidate().sha(), ask.by(), ask.rollback(), ask.override()));
        if (recorded instanceof PromotionStart.AlreadyDeploying busy) return new Busy(busy.existing());
        if (!(recorded instanceof PromotionStart.Started started))
            throw new IllegalStateException("a promotion start that is none of its permitted cases: " + recorded);
        Promotion p = started.promotion();
        Optional<Environment> lockOn = ask.target().pdmEnvironment();
        if (lockOn.isPresent()) {
            LockOutcome lock = locks.lock(lockOn.get(), holder(p.id()), "deploying " + p.candidate() + " to " + p.environment(), null);
            if (lock instanceof LockOutcome.AlreadyLocked taken) {
                String why = lockOn.get() + " was locked meanwhile by " + taken.existing().lockedBy();
                store.finish(p.id(), PromotionState.FAILED, "refused: " + why);
                return new Failed(p, why);
            }
        }
        PipelineHandle pipeline;
        try {
            pipeline = startPipeline(p);
        } catch (RuntimeException e) {
            log.warn("deploy #{}: the pipeline did not start", p.id(), e);
            String why = "the deploy pipeline did not start: " + e.getMessage();
            end(p, PromotionState.FAILED, why);
            return new Failed(p, why);
        }
        store.pipelineStarted(p.id(), pipeline.id(), pipeline.url());
        announceOnce(p.id(), "start", Reply.ok("Deploying " + describe(p) + " to " + p.environment() + " (deploy #" + p.id()
                + " by " + p.requestedBy() + ", pipeline " + pipeline.id() + (pipeline.url().isBlank() ? "" : " " + pipeline.url())
                + ")" + lockOn.map(e -> "; " + e + " is locked against PDM runs until it ends").orElse("")
                + p.overrideReason().map(r -> ". Production checks overridden: \"" + r + "\"").orElse("") + "."));
        return new Started(store.promotion(p.id()).orElse(p), pipeline);
    }

    /** Starts the promotion's pipeline once: a second call gives back the first one's (the world de-duplicates by key). */
    private PipelineHandle startPipeline(Promotion p) {
        Effects effects = effectsOf(p.id());
        EffectKey key = EffectKey.promotionPipeline();
        String stored = effects.once(key, Effects.OnUnfinished.REPEAT_WITH_SAME_KEY, () -> {
            PipelineHandle h = pipelines.start(p.environment(), p.candidate(), Map.of("DEPLOY_USER", p.requestedBy()),
                    effects.worldKey(key));
            return h.id() + "\t" + h.url();
        });
        String[] parts = stored.split("\t", 2);
        return new PipelineHandle(parts[0], parts.length > 1 ? parts[1] : "");
    }

    /** Looks at every deploying promotion once: one whose pipeline ended is ended, unlocked and announced. */
    public void trackAll() {
        for (Promotion p : store.deploying()) {
            try {
                track(p);
            } catch (RuntimeException e) {
                log.warn("deploy #{}: cannot read its pipeline now; trying again later", p.id(), e);
            }
        }
    }

    void track(Promotion p) {
        if (p.pipelineId().isEmpty()) {
            // its starter stopped between recording it and recording its pipeline: once that start cannot still be
            // under way, start it again with the same key (the world hands back the pipeline if it was made)
            if (Duration.between(p.startedAt(), clock.instant()).compareTo(START_GRACE) < 0) return;
            PipelineHandle pipeline = startPipeline(p);
            store.pipelineStarted(p.id(), pipeline.id(), pipeline.url());
            p = store.promotion(p.id()).orElse(p);
        }
        PipelineStatus status = pipelines.status(p.environment(), new PipelineHandle(p.pipelineId().get(), p.pipelineUrl().orElse("")));
        if (status instanceof PipelineStatus.Succeeded)
            end(p, PromotionState.SUCCEEDED, p.candidate() + " runs on " + p.environment());
        else if (status instanceof PipelineStatus.Failed failed)
            end(p, PromotionState.FAILED, failed.job() + ": " + failed.error()
                    + (failed.jobUrl().isBlank() ? "" : " (" + failed.jobUrl() + ")"));
    }

    /** Ends the promotion once (another instance may end it first), releases its lock, announces how it ended. */
    private void end(Promotion p, PromotionState state, String outcome) {
        if (!store.finish(p.id(), state, outcome)) return;
        Optional<Environment> lockOn = chain.step(p.environment()).flatMap(PromotionChain.Step::pdmEnvironment);
        lockOn.ifPresent(e -> locks.lockOf(e).filter(l -> l.lockedBy().equals(holder(p.id()))).ifPresent(l -> locks.unlock(e)));
        String took = took(p);
        if (state == PromotionState.SUCCEEDED)
            announceOnce(p.id(), "end", Reply.ok("Deploy #" + p.id() + " succeeded" + took + ": " + describe(p) + " runs on "
                    + p.environment() + lockOn.map(e -> "; " + e + " is unlocked").orElse("") + "."));
        else
            announceOnce(p.id(), "failure", Reply.failed("Deploy #" + p.id() + " of " + describe(p) + " to " + p.environment()
                    + " failed" + took + ": " + outcome + lockOn.map(e -> "; " + e + " is unlocked").orElse("") + "."));
    }

    private String took(Promotion p) {
        Duration d = Duration.between(p.startedAt(), clock.instant());
        return d.isNegative() ? "" : " in " + (d.toMinutes() > 0 ? d.toMinutes() + "m " : "") + d.toSecondsPart() + "s";
    }

    private static String describe(Promotion p) {
        return "`" + p.candidate() + "`";
    }

    private void announceOnce(long id, String what, Reply message) {
        effectsOf(id).once(EffectKey.promotionAnnouncement(what), Effects.OnUnfinished.COUNT_AS_MADE, () -> {
            announcements.announce(topic(id), message);
            return "";
        });
    }

    private Effects effectsOf(long id) {
        return new Effects(new Effects.Claims() {
            @Override
            public EffectClaim claim(String key) {
                return store.claim(id, key);
            }

            @Override
            public void done(String key, String result) {
                store.effectDone(id, key, result);
            }

            @Override
            public void release(String key) {
                store.releaseClaim(id, key);
            }
        }, id, "pdm-deploy-");
    }

    /** Tracks the deploying promotions every {@code poll} on a daemon thread, until closed (console and serve). */
    public synchronized void watch(Duration poll) {
        if (watcher != null) return;
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "promotion-tracker");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::trackAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) watcher.shutdownNow();
        watcher = null;
    }
}
