package pdmbot.storage.promotions;

import java.util.List;
import java.util.Optional;
import pdmbot.storage.runs.EffectClaim;

/**
 * Promotions, shared by every instance on the same database: of two instances starting a promotion to the same
 * environment at once, exactly one gets {@link PromotionStart.Started}; a promotion ends once (the first
 * {@link #finish} wins); each of its side effects is claimed once.
 */
public interface PromotionStore {

    PromotionStart start(PromotionRequest request);

    /** Records the deploy pipeline the promotion started. */
    void pipelineStarted(long id, String pipelineId, String pipelineUrl);

    /** Ends a deploying promotion; false when it had ended already (another instance finished it). */
    boolean finish(long id, PromotionState state, String outcome);

    Optional<Promotion> promotion(long id);

    /** The promotions still deploying, oldest first. */
    List<Promotion> deploying();

    /** The newest promotions, newest first. */
    List<Promotion> recent(int limit);

    /** The newest promotion to the environment that succeeded. */
    Optional<Promotion> lastSucceeded(String environment);

    EffectClaim claim(long promotionId, String effectKey);

    void effectDone(long promotionId, String effectKey, String result);

    void releaseClaim(long promotionId, String effectKey);
}
