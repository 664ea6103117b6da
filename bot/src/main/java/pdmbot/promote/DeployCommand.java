package pdmbot.promote;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Block;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;
import pdmbot.rules.promotion.GuardOutcome;

/**
 * {@code deploy <package|sha> to <env>}: the promotion guards, what the deploy changes, then (confirmed) the
 * environment's deploy pipeline. Production refuses what does not descend from what it runs (issue 16).
 */
public final class DeployCommand implements Command {

    static final String OVERRIDE = "ignore-production-checks";

    private final Promotions promotions;

    public DeployCommand(Promotions promotions) {
        this.promotions = promotions;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("deploy")
                .description("Promotes a package (or commit) to the next environment of the chain, refusing one that does"
                        + " not descend from what production runs (asks to confirm).")
                .releaseManagersOnly()
                .argument("candidate", "the package version or commit sha to deploy")
                .word("to")
                .argument("environment", "the environment to deploy to (" + promotions.chain().describe() + ")")
                .flag("confirm", "starts the deploy without asking")
                .flag("rollback", "goes back to an older package, at or after the rollback line")
                .option(OVERRIDE, "reason", "deploys despite incidents, change requests, change locks or running deployments; audited")
                .example("deploy cf930cc2066 to gprd")
                .exampleAfter("deploy cf930cc2066 to gprd --confirm", "deploy cf930cc2066 to gprd")
                .exampleRefused("deploy 80b0c51ee64 to gprd", "because the demo's hotfix/api-cache-warmer branch does not"
                        + " descend from what gprd runs")
                .handledBy(this::deploy);
    }

    private Reply deploy(Invocation invocation) {
        String env = invocation.argument("environment");
        Optional<PromotionChain.Step> target = promotions.chain().step(env);
        if (target.isEmpty())
            return Reply.refused("`" + env + "` is not an environment of the chain: " + promotions.chain().describe() + ".");
        Optional<String> override = invocation.option(OVERRIDE).map(String::strip);
        if (override.isPresent() && override.get().isEmpty())
            throw new UsageException("--" + OVERRIDE + " needs a reason: --" + OVERRIDE + " \"<why>\"");
        Candidates.Resolved resolved = promotions.candidates().resolve(invocation.argument("candidate"));
        if (resolved instanceof Candidates.NotFound notFound) return Reply.refused(notFound.message());
        if (!(resolved instanceof Candidates.Found found))
            throw new IllegalStateException("a resolution that is none of its permitted cases: " + resolved);
        Candidate candidate = found.candidate();
        boolean rollback = invocation.has("rollback");
        PromotionGuards.Ask ask = new PromotionGuards.Ask(candidate, target.get(), invocation.caller(), rollback, override);
        PromotionGuards.Evaluation evaluation = promotions.guards().evaluate(ask);
        String what = candidate.describe() + " to " + target.get().environment();
        if (!evaluation.report().allowsThePromotion()) return refused(what, candidate, evaluation);
        if (candidate.pkg().isEmpty() && target.get().worldEnvironment().isPresent())
            return Reply.refused("No package is built from commit `" + candidate.sha() + "`: " + target.get().environment()
                    + " deploys packages. " + evaluation.divergence().flatMap(PromotionGuards.Divergence::nearest)
                    .map(p -> "Try `" + p.version() + "`.").orElse("`deploy status` shows what each environment runs."));
        if (!invocation.has("confirm")) return confirm(what, ask, evaluation);
        return started(what, promotions.execution().start(ask));
    }

    private static Reply refused(String what, Candidate candidate, PromotionGuards.Evaluation evaluation) {
        List<GuardOutcome> refusals = evaluation.report().refusals();
        Reply.Builder reply = Reply.builder(Reply.Outcome.REFUSED).heading("Deploy of " + what + " refused")
                .text(String.join("\n", refusals.stream().map(o -> "• " + o.guard() + ": " + o.reason()).toList()));
        evaluation.divergence().ifPresent(d -> PromotionReplies.divergence(reply, candidate, d));
        PromotionReplies.guardsTable(reply, evaluation.report());
        return reply.build();
    }

    private Reply confirm(String what, PromotionGuards.Ask ask, PromotionGuards.Evaluation evaluation) {
        Reply.Builder reply = Reply.builder().heading("Guards passed — confirm deploying " + what);
        PromotionReplies.guardsTable(reply, evaluation.report());
        Optional<WhatRuns.Running> there = promotions.whatRuns().on(ask.target());
        Optional<PromotionPreview.Brought> brought = promotions.preview().brought(ask.candidate(), ask.target(), there);
        if (ask.rollback())
            reply.text(PromotionPreview.rollbackMeaning(ask.candidate(), there, evaluation.rollbackLine(), brought));
        else
            brought.ifPresent(b -> PromotionReplies.brought(reply, b, ask.target().environment()));
        String command = "deploy " + ask.candidate().name() + " to " + ask.target().environment() + " --confirm"
                + (ask.rollback() ? " --rollback" : "")
                + ask.override().map(r -> " --" + OVERRIDE + " \"" + r.replace('"', '\'') + "\"").orElse("");
        return reply.buttons(List.of(new Block.Button("Deploy to " + ask.target().environment(), command,
                        Block.Button.Style.DANGER, "Deploy " + what + "?")))
                .note("Or type `" + command + "`.")
                .build();
    }

    private static Reply started(String what, PromotionExecution.StartResult result) {
        if (result instanceof PromotionExecution.Busy busy)
            return Reply.refused("Deploy #" + busy.existing().id() + " of `" + busy.existing().candidate() + "` to "
                    + busy.existing().environment() + " by " + busy.existing().requestedBy()
                    + " is under way; `deploy status` shows it. Try again once it ends.");
        if (result instanceof PromotionExecution.Failed failed)
            return Reply.failed("Deploy #" + failed.promotion().id() + " of " + what + " stopped: " + failed.why() + ".");
        if (!(result instanceof PromotionExecution.Started started))
            throw new IllegalStateException("a start result that is none of its permitted cases: " + result);
        return Reply.builder().heading("Deploy #" + started.promotion().id() + " of " + what + " started by "
                        + started.promotion().requestedBy())
                .text("Pipeline " + started.pipeline().id() + (started.pipeline().url().isBlank() ? "" : " " + started.pipeline().url())
                        + ". Start, end and failure are announced in its thread; `deploy status` shows where it is.")
                .build();
    }
}
