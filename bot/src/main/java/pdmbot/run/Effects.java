package pdmbot.run;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pdmbot.storage.runs.EffectClaim;
import pdmbot.storage.runs.RunStore;

/**
 * Makes each side effect of a run (or of a promotion, {@link Claims}) once, keyed by run and effect: claimed in the store before it is made, marked
 * done with its result after. A crash between the two leaves an unfinished claim; what happens then depends on
 * the effect: one the world deduplicates by key is made again with the same key (the world hands back the first),
 * one it cannot (a chat announcement, a release-issue note) is not made again — at most once, never twice.
 */
public final class Effects {

    /**
     * Where the claims of one owner of effects (a run, a promotion) are kept: the store claims a key once, marks it
     * done with its result, or releases it.
     */
    public interface Claims {
        EffectClaim claim(String key);

        void done(String key, String result);

        void release(String key);
    }

    /** What to do with an effect whose claim a crash left unfinished. */
    public enum OnUnfinished {
        /** The world deduplicates by the effect key: call it again and get what the first call made. */
        REPEAT_WITH_SAME_KEY,
        /** Nothing can tell whether it happened: count it as made, so that it never happens twice. */
        COUNT_AS_MADE
    }

    private static final Logger log = LoggerFactory.getLogger(Effects.class);

    private final Claims store;
    private final long runId;
    private final String worldPrefix;

    Effects(RunStore store, long runId) {
        this(new Claims() {
            @Override
            public EffectClaim claim(String key) {
                return store.claim(runId, key);
            }

            @Override
            public void done(String key, String result) {
                store.effectDone(runId, key, result);
            }

            @Override
            public void release(String key) {
                store.releaseClaim(runId, key);
            }
        }, runId, "pdm-run-");
    }

    /** The effects of owner {@code id} whose claims {@code claims} keeps; world keys read {@code <worldPrefix><id>/<key>}. */
    public Effects(Claims claims, long id, String worldPrefix) {
        this.store = claims;
        this.runId = id;
        this.worldPrefix = worldPrefix;
    }

    /** The effects made (done), by key. */
    static java.util.Map<String, pdmbot.storage.runs.SideEffect> doneByKey(java.util.List<pdmbot.storage.runs.SideEffect> effects) {
        java.util.Map<String, pdmbot.storage.runs.SideEffect> done = new java.util.HashMap<>();
        for (pdmbot.storage.runs.SideEffect e : effects) if (e.isDone()) done.put(e.key(), e);
        return done;
    }

    long runId() {
        return runId;
    }

    /** The effect key as the world sees it: unique across runs. */
    public String worldKey(EffectKey key) {
        return worldPrefix + runId + "/" + key.text();
    }

    /**
     * Makes the effect unless it was made, and returns its result (the first one's, when it was made before).
     * When making it throws, the claim is released so that a retry makes it, and the exception goes on.
     */
    public String once(EffectKey effectKey, OnUnfinished onUnfinished, Supplier<String> effect) {
        String key = effectKey.text();
        EffectClaim claim = store.claim(key);
        if (claim instanceof EffectClaim.AlreadyDone done) return done.result();
        if (claim instanceof EffectClaim.Unfinished && onUnfinished == OnUnfinished.COUNT_AS_MADE) {
            log.warn("run {}: {} was claimed before a stop and may not have happened; not repeating it", runId, key);
            store.done(key, "");
            return "";
        }
        String result;
        try {
            result = effect.get();
        } catch (RuntimeException e) {
            store.release(key);
            throw e;
        }
        store.done(key, result == null ? "" : result);
        return result == null ? "" : result;
    }
}
