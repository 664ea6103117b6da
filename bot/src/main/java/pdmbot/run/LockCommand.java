package pdmbot.run;

import java.util.stream.Collectors;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.UsageException;
import pdmbot.domain.Environment;
import pdmbot.ledger.Times;
import pdmbot.storage.locks.EnvironmentLock;
import pdmbot.storage.locks.LockOutcome;
import pdmbot.storage.locks.LockStore;

/** {@code pdm lock <env> [reason]}: locks an environment; PDM runs and deploys refuse it while locked. */
public final class LockCommand implements Command {

    private final LockStore locks;

    public LockCommand(LockStore locks) {
        this.locks = locks;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("pdm lock")
                .description("Locks an environment (gstg, gprd, gstg-cny, gprd-cny): no PDM run or deploy there until unlocked.")
                .releaseManagersOnly()
                .argument("env", "the environment (gstg, gprd…)")
                .rest("reason", "why, in free words")
                .example("pdm lock gprd database maintenance")
                .handledBy(this::lock);
    }

    static Environment environment(String word) {
        return Environment.byId(word).orElseThrow(() -> new UsageException("unknown environment \"" + word + "\"; expected one of "
                + Environment.defined().stream().map(Environment::id).collect(Collectors.joining(", "))));
    }

    static String describe(EnvironmentLock lock) {
        return lock.environment() + " is locked by " + lock.lockedBy()
                + (lock.reason() == null || lock.reason().isBlank() ? "" : " (" + lock.reason() + ")")
                + " since " + Times.utc(lock.lockedAt()) + (lock.until() == null ? "" : " until " + Times.utc(lock.until()));
    }

    private Reply lock(Invocation invocation) {
        Environment environment = environment(invocation.argument("env"));
        String reason = invocation.rest("reason");
        LockOutcome outcome = locks.lock(environment, invocation.caller(), reason.isBlank() ? null : reason, null);
        if (outcome instanceof LockOutcome.AlreadyLocked already)
            return Reply.refused(describe(already.existing()) + "; `pdm unlock " + environment + "` first if that lock is stale.");
        return Reply.ok(environment + " is now locked by " + invocation.caller() + (reason.isBlank() ? "" : " (" + reason + ")")
                + ": PDM runs and deploys refuse it until `pdm unlock " + environment + "`.");
    }
}
