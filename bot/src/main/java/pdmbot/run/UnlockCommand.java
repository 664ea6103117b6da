package pdmbot.run;

import java.util.List;
import java.util.Optional;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.CommandSpec;
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
    public CommandSpec spec() {
        return CommandSpec.command("pdm unlock")
                .description("Removes an environment's lock (asks to confirm).")
                .releaseManagersOnly()
                .argument("env", "the environment (gstg, gprd…)")
                .flag("confirm", "unlocks it without asking")
                .exampleAfter("pdm unlock gprd", "pdm lock gprd database maintenance")
                .exampleAfter("pdm unlock gprd --confirm", "pdm lock gprd database maintenance")
                .handledBy(this::unlock);
    }

    private Reply unlock(Invocation invocation) {
        Environment environment = LockCommand.environment(invocation.argument("env"));
        Optional<EnvironmentLock> lock = locks.lockOf(environment);
        if (lock.isEmpty()) return Reply.ok(environment + " is not locked; nothing to do.");
        boolean heldByRun = lock.get().lockedBy().startsWith("pdm run #");
        if (!invocation.has("confirm")) {
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
