package pdmbot.pending;

import java.time.Duration;
import java.util.function.Function;
import pdmbot.chat.AuditTrail;
import pdmbot.chat.ChatRequest;
import pdmbot.chat.Reply;
import pdmbot.chat.Role;

/**
 * Signals the pending view after every command a release manager ran successfully ({@code demo …}, {@code pdm
 * execute}, {@code migrations mark}, …): those are the commands that may change the world, so the next {@code pdm
 * status} sees what they did. Everyone's commands are questions and signal nothing. Then hands the record on.
 */
public final class ChangingCommands implements AuditTrail {

    private final AuditTrail next;
    private final PendingView view;
    private final Function<String, Role> roleOf;

    /** @param roleOf the role a command (by name) requires */
    public ChangingCommands(AuditTrail next, PendingView view, Function<String, Role> roleOf) {
        this.next = next;
        this.view = view;
        this.roleOf = roleOf;
    }

    @Override
    public void record(ChatRequest request, String command, Reply.Outcome outcome, String detail, String correlationId,
                       Duration duration) {
        if (outcome == Reply.Outcome.OK && !command.isEmpty() && roleOf.apply(command) == Role.RELEASE_MANAGER)
            view.changed("command " + command);
        next.record(request, command, outcome, detail, correlationId, duration);
    }
}
