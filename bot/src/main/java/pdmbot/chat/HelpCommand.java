package pdmbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@code help [command]}: built from every command's own declaration. */
public final class HelpCommand implements Command {

    private final Supplier<Router> router;

    public HelpCommand(Supplier<Router> router) {
        this.router = router;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.command("help")
                .description("Lists the commands, or explains one.")
                .rest("command", "the command to explain")
                .example("help")
                .example("help pdm execute")
                .handledBy(this::help);
    }

    private Reply help(Invocation invocation) {
        Router commands = router.get();
        String wanted = invocation.rest("command");
        if (wanted.isEmpty()) return overview(commands, invocation.role());
        return commands.find(wanted).map(HelpCommand::detail).orElseGet(() -> {
            Router.Route route = commands.route(List.of(wanted.split(" ")));
            if (route instanceof Router.Matched m) return detail(m.command());
            List<String> close = route instanceof Router.Unknown unknown ? unknown.suggestions() : List.of();
            return Reply.builder(Reply.Outcome.REFUSED)
                    .text("No command `" + wanted + "`." + (close.isEmpty() ? ""
                            : " Did you mean " + String.join(" or ", close.stream().map(c -> "`" + c + "`").toList()) + "?"))
                    .note("Type `help` for every command.").ephemeral().build();
        });
    }

    private static Reply overview(Router commands, Role role) {
        List<List<String>> rows = new ArrayList<>();
        for (CommandSpec c : commands.commands())
            rows.add(List.of(c.usage(), c.description() + (c.role() == Role.RELEASE_MANAGER ? " (release managers)" : "")));
        String you = role == Role.RELEASE_MANAGER ? "You are a release manager: you may run every command."
                : "You are not a release manager: you may ask, and the commands marked (release managers) are refused.";
        return Reply.builder()
                .heading("pdm-bot commands")
                .table(List.of("command", "what it does"), rows)
                .note(you + " `help <command>` explains one command.")
                .build();
    }

    private static Reply detail(CommandSpec c) {
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("usage", "`" + c.usage() + "`"));
        if (!c.aliases().isEmpty()) fields.add(new Block.Field("aliases", String.join(", ", c.aliases())));
        fields.add(new Block.Field("who may", c.role() == Role.RELEASE_MANAGER ? "release managers" : "everyone"));
        Reply.Builder reply = Reply.builder().heading(c.name()).text(c.description()).fields(fields);
        List<String> accepted = new ArrayList<>();
        for (CommandSpec.Parameter p : c.parameters()) accepted.add("`" + p.usage() + "` — " + p.what());
        for (CommandSpec.Option o : c.options()) accepted.add("`" + o.usage().substring(1, o.usage().length() - 1) + "` — " + o.what());
        if (!accepted.isEmpty()) reply.text("Takes:").bullets(accepted);
        if (!c.examples().isEmpty()) reply.text("Examples:").bullets(c.examples().stream().map(CommandSpec.Example::shown).toList());
        return reply.build();
    }
}
