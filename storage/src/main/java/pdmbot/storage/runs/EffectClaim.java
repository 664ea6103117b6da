package pdmbot.storage.runs;

/** What claiming a side effect gave: the right to make it, or the trace of an earlier claim. */
public sealed interface EffectClaim permits EffectClaim.Claimed, EffectClaim.AlreadyDone, EffectClaim.Unfinished {

    /** Nobody claimed it before: make it, then call {@link RunStore#effectDone}. */
    record Claimed() implements EffectClaim {
    }

    /** It was made; here is what it gave. */
    record AlreadyDone(String result) implements EffectClaim {
    }

    /** It was claimed and never marked done: the claimer stopped while making it (or just before). */
    record Unfinished() implements EffectClaim {
    }
}
