package pdmbot.schedule;

import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.UsageException;

/** {@code pdm proposal confirm <id>}: a release manager confirms a scheduled run proposed in the announcements channel. */
public final class ProposalConfirmCommand implements Command {

    static final String WORDS = "pdm proposal confirm";

    private final Proposals proposals;

    public ProposalConfirmCommand(Proposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command(WORDS)
                .description("Confirms a scheduled run proposed at its window: the group's run starts with its production checks (the Confirm button).")
                .releaseManagersOnly()
                .argument("id", "the proposal number (in the proposal's message)")
                .exampleRefused(WORDS + " 1", "until `schedule.mode: propose` has posted a proposal")
                .handledBy(this::confirm);
    }

    private Reply confirm(Invocation invocation) {
        return proposals.confirm(id(invocation.argument("id")), invocation.caller());
    }

    static long id(String word) {
        String digits = word.startsWith("#") ? word.substring(1) : word;
        try {
            long id = Long.parseLong(digits);
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("\"" + word + "\" is not a proposal number; it is in the proposal's message");
    }
}
