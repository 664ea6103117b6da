package pdmbot.promote;

import java.util.Optional;
import pdmbot.storage.promotions.Promotion;
import pdmbot.storage.promotions.PromotionStore;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.Deployments;
import pdmbot.world.PackageSource;

/**
 * What an environment of the chain runs now: the world's answer for gstg-cny, gstg, gprd-cny and gprd (the
 * deployments the deployer records), else the last promotion to it that succeeded (qa, staging, production).
 */
final class WhatRuns {

    /** A running commit and, when it is one, its package. */
    record Running(String name, String sha, Optional<AutoDeployPackage> pkg) {
    }

    private final Deployments deployments;
    private final PackageSource packages;
    private final PromotionStore promotions;

    WhatRuns(Deployments deployments, PackageSource packages, PromotionStore promotions) {
        this.deployments = deployments;
        this.packages = packages;
        this.promotions = promotions;
    }

    Optional<Running> on(PromotionChain.Step step) {
        if (step.worldEnvironment().isPresent())
            return deployments.packageOn(step.worldEnvironment().get())
                    .map(p -> new Running(p.version().toString(), p.commitSha(), Optional.of(p)));
        return promotions.lastSucceeded(step.environment()).map(this::running);
    }

    private Running running(Promotion p) {
        return new Running(p.candidate(), p.sha(), packages.packageNamed(p.candidate()));
    }
}
