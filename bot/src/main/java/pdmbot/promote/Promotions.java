package pdmbot.promote;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.chat.Announcements;
import pdmbot.ledger.MigrationNatures;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.promotions.PromotionStore;
import pdmbot.world.Ancestry;
import pdmbot.world.ChangeLockCalendar;
import pdmbot.world.DeployPipelines;
import pdmbot.world.Operations;
import pdmbot.world.World;

/** The promotion feature as its commands see it: the chain, how candidates resolve, the guards, the preview, the execution. */
public record Promotions(PromotionChain chain, Candidates candidates, WhatRuns whatRuns, PromotionGuards guards,
                         PromotionPreview preview, PromotionExecution execution) {

    public Promotions {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(whatRuns, "whatRuns");
        Objects.requireNonNull(guards, "guards");
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(execution, "execution");
    }

    /** What the feature is built on: the world and its promotion ports, the stores, what a PDM run is doing. */
    public record Wiring(PromotionChain chain, World world, Operations operations, Ancestry ancestry,
                         DeployPipelines pipelines, ChangeLockCalendar calendar, LockStore locks, PromotionStore store,
                         MigrationNatures natures, Supplier<Optional<String>> activeRun, Announcements announcements,
                         RollbackLines rollbackLines, Clock clock) {
    }

    public static Promotions wire(Wiring w) {
        WhatRuns whatRuns = new WhatRuns(w.world().deployments(), w.world().packages(), w.store());
        PromotionGuards guards = new PromotionGuards(w.chain(), whatRuns, w.rollbackLines(), new PromotionGuards.Sources(
                w.world().packages(), w.ancestry(), w.operations(), w.calendar(), w.locks(), w.store(), w.activeRun(),
                w.clock()));
        return new Promotions(w.chain(), new Candidates(w.world().packages()), whatRuns, guards,
                new PromotionPreview(w.world().packages(), w.world().databases(), w.natures()),
                new PromotionExecution(w.store(), w.locks(), w.pipelines(), w.announcements(), w.chain(), w.clock()));
    }
}
