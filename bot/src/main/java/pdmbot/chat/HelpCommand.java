package pdmbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@code help [command]}: built from every command's own metadata. */
public final class HelpCommand implements Command {

    private final Supplier<Router> router;

    public HelpCommand(Supplier<Router> router) {
        this.router = router;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return "help [command]";
    }

    @Override
    public String description() {
        return "Lists the commands, or explains one.";
    }

    @Override
    public List<String> examples() {
        return List.of("help", "help pdm execute");
    }

    @Override
    public Reply handle(Invocation invocation) {
        Router commands = router.get();
        List<String> words = invocation.arguments().positionals();
        if (words.isEmpty()) return overview(commands, invocation.role());
        String wanted = String.join(" ", words);
        return commands.find(wanted).map(this::detail).orElseGet(() -> {
            Router.Route route = commands.route(words);
            if (route instanceof Router.Matched m) return detail(m.command());
            List<String> close = ((Router.Unknown) route).suggestions();
            return Reply.builder(Reply.Outcome.REFUSED)
                    .text("No command `" + wanted + "`." + (close.isEmpty() ? ""
                            : " Did you mean " + String.join(" or ", close.stream().map(c -> "`" + c + "`").toList()) + "?"))
                    .note("Type `help` for every command.").ephemeral().build();
        });
    }

    private Reply overview(Router commands, Role role) {
        List<List<String>> rows = new ArrayList<>();
        for (Command c : commands.commands()) {
            rows.add(List.of(c.usage(), c.description() + (c.role() == Role.RELEASE_MANAGER ? " (release managers)" : "")));
        }
        return Reply.builder()
                .heading("pdm-bot commands")
                .table(List.of("command", "what it does"), rows)
                .note("You are " + role.id() + ". `help <command>` explains one command.")
                .build();
    }

    private Reply detail(Command c) {
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("usage", "`" + c.usage() + "`"));
        if (!c.aliases().isEmpty()) fields.add(new Block.Field("aliases", String.join(", ", c.aliases())));
        fields.add(new Block.Field("who may", c.role() == Role.RELEASE_MANAGER ? "release managers" : "everyone"));
        Reply.Builder reply = Reply.builder().heading(c.name()).text(c.description()).fields(fields);
        if (!c.examples().isEmpty()) reply.bullets(c.examples().stream().map(e -> "`" + e + "`").toList());
        return reply.build();
    }
}
