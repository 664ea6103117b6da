package pdmbot.promote;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import pdmbot.rules.checks.CheckFacts;
import pdmbot.rules.promotion.PromotionFacts;
import pdmbot.rules.promotion.PromotionReport;
import pdmbot.rules.promotion.PromotionRules;
import pdmbot.storage.locks.LockStore;
import pdmbot.storage.promotions.Promotion;
import pdmbot.storage.promotions.PromotionStore;
import pdmbot.world.Ancestry;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.ChangeLock;
import pdmbot.world.ChangeLockCalendar;
import pdmbot.world.ChangeRequest;
import pdmbot.world.Incident;
import pdmbot.world.Operations;
import pdmbot.world.PackageSource;
import pdmbot.world.RunningDeployment;

/** Gathers the facts of one promotion from the world and the store and evaluates {@code promotion.drl} over them. */
final class PromotionGuards {

    /** How many production commits a refusal lists. */
    static final int MISSING_SHOWN = 10;
    /** How many packages are tried, nearest first, when looking for one that descends from production. */
    static final int NEAREST_TRIED = 20;

    /** What was asked: the candidate to the target, by whom, with which flags. */
    record Ask(Candidate candidate, PromotionChain.Step target, String by, boolean rollback, Optional<String> override) {
    }

    /** Why a candidate does not descend from production, for the refusal. */
    record Divergence(WhatRuns.Running production, String mergeBase, Ancestry.Missing missing,
                      Optional<AutoDeployPackage> nearest) {
    }

    /** The guards' report and what the reply needs around it. */
    record Evaluation(PromotionReport report, Optional<WhatRuns.Running> production, Optional<Divergence> divergence,
                      Optional<AutoDeployPackage> rollbackLine) {
    }

    /** The world and store the guards read. */
    record Sources(PackageSource packages, Ancestry ancestry, Operations operations, ChangeLockCalendar calendar,
                   LockStore locks, PromotionStore promotions, Supplier<Optional<String>> activeRun, Clock clock) {
    }

    private final PromotionChain chain;
    private final WhatRuns whatRuns;
    private final RollbackLines lines;
    private final Sources sources;

    PromotionGuards(PromotionChain chain, WhatRuns whatRuns, RollbackLines lines, Sources sources) {
        this.chain = chain;
        this.whatRuns = whatRuns;
        this.lines = lines;
        this.sources = sources;
    }

    Evaluation evaluate(Ask ask) {
        PromotionChain.Step target = ask.target();
        Candidate candidate = ask.candidate();
        List<Object> facts = new ArrayList<>();
        String previous = chain.previous(target).map(PromotionChain.Step::environment).orElse("");
        facts.add(new PromotionFacts.Target(target.environment(), previous, target.production()));
        facts.add(new PromotionFacts.Candidate(candidate.name(), candidate.sha()));
        chain.previous(target).flatMap(whatRuns::on)
                .filter(running -> sources.ancestry().descends(running.sha(), candidate.sha()))
                .ifPresent(running -> facts.add(new PromotionFacts.ReachedPrevious(previous)));

        Optional<WhatRuns.Running> production = whatRuns.on(chain.production());
        Optional<Divergence> divergence = Optional.empty();
        if (target.production() && production.isPresent()) {
            String prodSha = production.get().sha();
            String base = candidate.sha().equals(prodSha) ? prodSha
                    : sources.ancestry().mergeBase(candidate.sha(), prodSha).orElse("");
            facts.add(new PromotionFacts.Ancestry(chain.production().environment(), prodSha, base));
            if (!base.equals(prodSha))
                divergence = Optional.of(new Divergence(production.get(), base,
                        sources.ancestry().missing(candidate.sha(), prodSha, MISSING_SHOWN), nearest(candidate, prodSha)));
        }

        // only a rollback needs the line (it reads the pending view and the package list)
        Optional<AutoDeployPackage> line = ask.rollback() ? target.pdmEnvironment().flatMap(lines::on) : Optional.empty();
        if (ask.rollback())
            facts.add(new PromotionFacts.RollbackRequest(line.map(p -> p.version().toString()).orElse(""),
                    line.isPresent() && candidate.pkg().isPresent()
                            && candidate.pkg().get().version().compareTo(line.get().version()) >= 0));
        ask.override().ifPresent(reason -> facts.add(new PromotionFacts.OverrideRequest(reason, ask.by())));
        sources.activeRun().get().ifPresent(run -> facts.add(new PromotionFacts.ActiveRun(run)));
        addProductionChecks(facts, target);
        return new Evaluation(PromotionRules.builtIn().evaluate(facts), production, divergence, line);
    }

    private void addProductionChecks(List<Object> facts, PromotionChain.Step target) {
        Operations ops = sources.operations();
        for (RunningDeployment d : ops.runningDeployments().running())
            facts.add(new CheckFacts.Deploying(d.environment().id(), d.isStaging(), d.packageVersion(),
                    d.pipelineUrl().isBlank() ? d.pipeline() : d.pipeline() + " " + d.pipelineUrl(), d.startedAt()));
        for (Promotion p : sources.promotions().deploying())
            facts.add(new CheckFacts.Deploying(p.environment(), !chain.step(p.environment()).map(PromotionChain.Step::production)
                    .orElse(false), p.candidate(), "deploy #" + p.id() + p.pipelineUrl().map(u -> " " + u).orElse(""),
                    p.startedAt()));
        for (Incident i : ops.incidents().activeIncidents())
            facts.add(new CheckFacts.OpenIncident(i.id(), i.title(), i.severity(), i.blocksDeployments()));
        for (ChangeRequest c : ops.changeRequests().activeChangeRequests())
            facts.add(new CheckFacts.OpenChangeRequest(c.id(), c.title(), c.criticality(), c.inProgress(), c.blocksDeployments()));
        for (ChangeLock lock : sources.calendar().inForceAt(sources.clock().instant()))
            facts.add(new CheckFacts.ProductionChangeLock(lock.name(), lock.reason(), lock.until()));
        target.pdmEnvironment().flatMap(sources.locks()::lockOf).ifPresent(l -> facts.add(
                new CheckFacts.HeldLock(l.environment().id(), l.lockedBy(), l.reason(), l.until())));
    }

    /** The package nearest in time to the candidate that descends from production (production's own left out). */
    private Optional<AutoDeployPackage> nearest(Candidate candidate, String productionSha) {
        List<AutoDeployPackage> byDistance = sources.packages().packages().stream()
                .filter(p -> !p.commitSha().equals(productionSha) && !p.commitSha().equals(candidate.sha()))
                .sorted(Comparator.comparing(p -> java.time.Duration.between(p.version().builtAt(), candidate.at()).abs()))
                .limit(NEAREST_TRIED).toList();
        for (AutoDeployPackage p : byDistance)
            if (sources.ancestry().descends(p.commitSha(), productionSha)) return Optional.of(p);
        return Optional.empty();
    }

}
