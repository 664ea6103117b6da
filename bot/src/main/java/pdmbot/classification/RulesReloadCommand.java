package pdmbot.classification;

import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.chat.CommandSpec;
import pdmbot.rules.classify.ReloadResult;

/** {@code rules reload}: recompiles the built-in rules and the configured folder's .drl files, or keeps the old ones. */
public final class RulesReloadCommand implements Command {

    private final Classifications classifications;

    public RulesReloadCommand(Classifications classifications) {
        this.classifications = classifications;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("rules reload")
                .description("Recompiles the rules with the .drl files of the configured folder; keeps the old rules if any fails.")
                .releaseManagersOnly()
                .example("rules reload")
                .handledBy(this::reload);
    }

    private Reply reload(Invocation invocation) {
        ReloadResult result = classifications.reload();
        if (result instanceof ReloadResult.Loaded loaded)
            return Reply.builder().text("Reloaded " + loaded.rules() + (loaded.rules() == 1 ? " rule" : " rules") + " from " + loaded.files().size() + " file"
                    + (loaded.files().size() == 1 ? "" : "s") + ".").bullets(loaded.files().stream().map(f -> "`" + f + "`").toList())
                    .note("Classifications are decided again with the new rules as they are asked for.").build();
        if (!(result instanceof ReloadResult.Refused refused))
            throw new IllegalStateException("a reload result that is none of its permitted cases: " + result);
        return Reply.builder(Reply.Outcome.FAILED)
                .text("The rules did not compile; the previous rules are still in use.")
                .bullets(refused.errors().stream().map(e -> "`" + e.file() + ":" + e.line() + "` " + e.message()).toList())
                .build();
    }
}
