package pdmbot.storage.promotions;

/** What asking to start a promotion gave: the new promotion, or the one already deploying to that environment. */
public sealed interface PromotionStart permits PromotionStart.Started, PromotionStart.AlreadyDeploying {

    record Started(Promotion promotion) implements PromotionStart {
    }

    /** Another promotion (maybe from another instance) deploys to the environment; nothing was recorded. */
    record AlreadyDeploying(Promotion existing) implements PromotionStart {
    }
}
