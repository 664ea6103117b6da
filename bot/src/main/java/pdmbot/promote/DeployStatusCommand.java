package pdmbot.promote;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.storage.promotions.Promotion;
import pdmbot.storage.promotions.PromotionStore;

/** {@code deploy status}: what each environment of the chain runs, what is being deployed, the latest deploys. */
public final class DeployStatusCommand implements Command {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int RECENT = 5;

    private final Promotions promotions;
    private final PromotionStore store;

    public DeployStatusCommand(Promotions promotions, PromotionStore store) {
        this.promotions = promotions;
        this.store = store;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("deploy status")
                .description("What each environment of the chain runs, and what is being deployed.")
                .example("deploy status")
                .handledBy(this::status);
    }

    private Reply status(Invocation invocation) {
        promotions.execution().trackAll();
        List<Promotion> deploying = store.deploying();
        List<List<String>> rows = new ArrayList<>();
        for (PromotionChain.Step step : promotions.chain().steps()) {
            String runs = promotions.whatRuns().on(step).map(r -> "`" + r.name() + "`").orElse("nothing known");
            Optional<Promotion> now = deploying.stream().filter(p -> p.environment().equals(step.environment())).findFirst();
            rows.add(List.of(step.environment() + (step.production() ? " (production)" : ""), runs,
                    now.map(p -> "#" + p.id() + " `" + p.candidate() + "` by " + p.requestedBy() + " since "
                            + UTC.format(p.startedAt())).orElse("—")));
        }
        Reply.Builder reply = Reply.builder().heading("Deploys — " + promotions.chain().describe())
                .table(List.of("environment", "runs", "deploying"), rows);
        List<Promotion> recent = store.recent(RECENT);
        if (!recent.isEmpty())
            reply.text("Latest deploys:").bullets(recent.stream().map(DeployStatusCommand::line).toList());
        return reply.build();
    }

    private static String line(Promotion p) {
        return "#" + p.id() + " `" + p.candidate() + "` to " + p.environment() + " by " + p.requestedBy() + ", "
                + p.state().id() + (p.rollback() ? " (rollback)" : "")
                + p.overrideReason().map(r -> " (checks overridden: \"" + r + "\")").orElse("")
                + p.outcome().map(o -> " — " + o).orElse("");
    }
}
