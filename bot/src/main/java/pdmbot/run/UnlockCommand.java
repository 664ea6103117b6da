package pdmbot.run;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.Role;
import pdmbot.domain.Environment;
import pdmbot.storage.locks.EnvironmentLock;
import pdmbot.storage.locks.LockStore;

/** {@code pdm unlock <env>}: removes an environment's lock, after confirmation. */
public final class UnlockCommand implements Command {

    private final LockStore locks;

    public UnlockCommand(LockStore locks) {
        this.locks = locks;
    }

    @Override
    public String name() {
        return "pdm unlock";
    }

    @Override
    public String usage() {
        return "pdm unlock <env> [--confirm]";
    }

    @Override
    public String description() {
        return "Removes an environment's lock (asks to confirm).";
    }

    @Override
    public Role role() {
        return Role.RELEASE_MANAGER;
    }

    @Override
    public Reply handle(Invocation invocation) {
        var arguments = invocation.arguments().allowOnly("confirm").atMost(1);
        Environment environment = LockCommand.environment(arguments.required(0, "the environment (gstg, gprd…)"));
        Optional<EnvironmentLock> lock = locks.lockOf(environment);
        if (lock.isEmpty()) return Reply.ok(environment + " is not locked; nothing to do.");
        boolean heldByRun = lock.get().lockedBy().startsWith("pdm run #");
        if (!arguments.has("confirm")) {
            Reply.Builder reply = Reply.builder().text(LockCommand.describe(lock.get()) + ".");
            if (heldByRun) reply.text("A PDM run holds this lock: unlocking lets deploys in while its migrations are not done.");
            return reply.buttons(List.of(RunReplies.dangerButton("Unlock " + environment, "pdm unlock " + environment + " --confirm",
                            "Unlock " + environment + "? PDM runs and deploys may go there again.")))
                    .note("Or type `pdm unlock " + environment + " --confirm`.")
                    .build();
        }
        locks.unlock(environment);
        return Reply.ok(environment + " is unlocked (it was locked by " + lock.get().lockedBy() + "); unlocked by "
                + invocation.caller() + ".");
    }
}
