package pdmbot.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pdmbot.chat.Command;
import pdmbot.chat.CommandSpec;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;
import pdmbot.rules.classify.CompiledRules;

/** {@code rules list}: the loaded rules, by file. */
public final class RulesListCommand implements Command {

    private final Classifications classifications;

    public RulesListCommand(Classifications classifications) {
        this.classifications = classifications;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("rules list")
                .description("The classification rules in use, by file.")
                .example("rules list")
                .handledBy(this::list);
    }

    private Reply list(Invocation invocation) {
        Reply.Builder reply = Reply.builder().heading("Rules in use");
        int total = 0;
        CompiledRules rules = classifications.rulesInUse();
        for (Map.Entry<String, List<String>> file : rules.rulesByFile().entrySet()) {
            List<String> names = new ArrayList<>(file.getValue());
            total += names.size();
            reply.text("`" + file.getKey() + "` (" + names.size() + (names.size() == 1 ? " rule)" : " rules)")).bullets(names.stream().map(n -> "\"" + n + "\"").toList());
        }
        return reply.note(total + (total == 1 ? " rule" : " rules") + "; compiled in " + rules.buildMillis() + " ms. "
                + "`rules reload` recompiles them with the configured rules folder.").build();
    }
}
