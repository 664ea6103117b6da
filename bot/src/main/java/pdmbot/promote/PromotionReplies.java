package pdmbot.promote;

import java.util.ArrayList;
import java.util.List;
import pdmbot.chat.Reply;
import pdmbot.domain.LogicalDatabase;
import pdmbot.rules.promotion.GuardOutcome;
import pdmbot.rules.promotion.PromotionReport;
import pdmbot.world.Ancestry;

/** How the promotion commands show guards, refusals and previews, platform-neutral. */
final class PromotionReplies {

    private PromotionReplies() {
    }

    static void guardsTable(Reply.Builder reply, PromotionReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (GuardOutcome o : report.outcomes()) rows.add(List.of(o.guard(), o.verdict().id(), o.reason()));
        reply.table(List.of("guard", "verdict", "reason"), rows);
    }

    static void divergence(Reply.Builder reply, Candidate candidate, PromotionGuards.Divergence d) {
        reply.fields(List.of(
                new pdmbot.chat.Block.Field("candidate", candidate.describe() + " " + candidate.sha()),
                new pdmbot.chat.Block.Field("production", "`" + d.production().name() + "` " + d.production().sha()),
                new pdmbot.chat.Block.Field("merge base", d.mergeBase().isEmpty() ? "none (no shared history)" : d.mergeBase())));
        Ancestry.Missing missing = d.missing();
        if (missing.total() > 0) {
            reply.text("Production has " + missing.total() + " commit" + (missing.total() == 1 ? "" : "s") + " the candidate lacks"
                    + (missing.total() > missing.commits().size() ? " (the newest " + missing.commits().size() + ")" : "") + ":");
            reply.bullets(missing.commits().stream().map(c -> "`" + c.sha().substring(0, 11) + "` " + c.title()).toList());
        }
        reply.note(d.nearest().map(p -> "Nearest package that descends from production: `" + p.version() + "`.")
                .orElse("No package near it descends from production."));
    }

    static void brought(Reply.Builder reply, PromotionPreview.Brought b, String target) {
        if (b.brought().isEmpty()) {
            reply.text("It brings no post-deploy migration that would be pending on " + b.on().databaseEnvironment()
                    + " (" + b.pendingBefore() + " pending there now stay pending).");
            return;
        }
        reply.text("Deploying it to " + target + " brings " + b.brought().size() + " post-deploy migration"
                + (b.brought().size() == 1 ? "" : "s") + " that will then be pending on " + b.on().databaseEnvironment()
                + " (besides the " + b.pendingBefore() + " pending there now):");
        List<List<String>> rows = new ArrayList<>();
        for (PromotionPreview.Pending p : b.brought())
            rows.add(List.of(p.migration().version(), p.migration().className(), p.nature(), LogicalDatabase.format(p.databases())));
        reply.table(List.of("version", "migration", "nature", "databases"), rows);
    }
}
