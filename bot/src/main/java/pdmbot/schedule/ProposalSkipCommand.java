package pdmbot.schedule;

import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;

/** {@code pdm proposal skip <id>}: a release manager skips a proposed scheduled run; it is proposed again at the next window. */
public final class ProposalSkipCommand implements Command {

    static final String WORDS = "pdm proposal skip";

    private final Proposals proposals;

    public ProposalSkipCommand(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command(WORDS)
                .description("Skips a scheduled run proposed at its window; it is proposed again at the group's next window (the Skip button).")
                .releaseManagersOnly()
                .argument("id", "the proposal number (in the proposal's message)")
                .exampleRefused(WORDS + " 1", "until `schedule.mode: propose` has posted a proposal")
                .handledBy(this::skip);
    }

    private Reply skip(Invocation invocation) {
        return proposals.skip(ProposalConfirmCommand.id(invocation.argument("id")), invocation.caller());
    }
}
