package pdmbot.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        List<CommandSpec> family = family(commands, wanted);
        Optional<CommandSpec> exact = commands.find(wanted);
        if (exact.isPresent()) return detail(exact.get(), family.stream().filter(c -> c != exact.get()).toList());
        if (family.size() == 1) return detail(family.get(0), List.of());
        if (!family.isEmpty()) return familyOf(wanted, family);
        Router.Route route = commands.route(List.of(wanted.split(" ")));
        if (route instanceof Router.Matched m) return detail(m.command(), List.of());
        List<String> close = route instanceof Router.Unknown unknown ? unknown.suggestions() : List.of();
        return Reply.builder(Reply.Outcome.REFUSED)
                .text("No command `" + wanted + "`." + (close.isEmpty() ? ""
                        : " Did you mean " + String.join(" or ", close.stream().map(c -> "`" + c + "`").toList()) + "?"))
                .note("Type `help` for every command.").ephemeral().build();
    }

    /**
     * The commands that have the one word {@code wanted} (or its plural) among their words: {@code help demo} is every
     * {@code demo …} command, {@code help package} both {@code package migrations} and {@code migration package}.
     */
    static List<CommandSpec> family(Router commands, String wanted) {
        String word = Router.normalise(wanted);
        if (word.isEmpty() || word.contains(" ")) return List.of();
        return commands.commands().stream()
                .filter(c -> Arrays.stream(c.name().split(" ")).anyMatch(w -> w.equals(word) || w.equals(word + "s"))).toList();
    }

    private static Reply familyOf(String word, List<CommandSpec> family) {
        return Reply.builder()
                .heading("Commands with `" + Router.normalise(word) + "`")
                .table(List.of("command", "what it does"), rows(family))
                .note("`help <command>` explains one command; `help` lists them all.")
                .build();
    }

    private static List<List<String>> rows(List<CommandSpec> commands) {
        List<List<String>> rows = new ArrayList<>();
        for (CommandSpec c : commands)
            rows.add(List.of(c.usage(), c.description() + (c.role() == Role.RELEASE_MANAGER ? " (release managers)" : "")));
        return rows;
    }

    private static Reply overview(Router commands, Role role) {
        List<List<String>> rows = rows(commands.commands());
        String you = role == Role.RELEASE_MANAGER ? "You are a release manager: you may run every command."
                : "You are not a release manager: you may ask, and the commands marked (release managers) are refused.";
        return Reply.builder()
                .heading("pdm-bot commands")
                .table(List.of("command", "what it does"), rows)
                .note(you + " `help <command>` explains one command.")
                .build();
    }

    /** One command's help; {@code related}: the other commands of its family ({@code deploy status} under {@code deploy}). */
    private static Reply detail(CommandSpec c, List<CommandSpec> related) {
        List<Block.Field> fields = new ArrayList<>();
        fields.add(new Block.Field("usage", "`" + c.usage() + "`"));
        if (!c.aliases().isEmpty()) fields.add(new Block.Field("aliases", String.join(", ", c.aliases())));
        fields.add(new Block.Field("who may", c.role() == Role.RELEASE_MANAGER ? "release managers" : "everyone"));
        Reply.Builder reply = Reply.builder().heading(c.name()).text(c.description()).fields(fields);
        List<String> accepted = new ArrayList<>();
        for (CommandSpec.Parameter p : c.parameters())
            if (p.kind() != CommandSpec.Parameter.Kind.WORD) accepted.add("`" + p.usage() + "` — " + p.what());
        for (CommandSpec.Option o : c.options()) accepted.add("`" + o.usage().substring(1, o.usage().length() - 1) + "` — " + o.what());
        if (!accepted.isEmpty()) reply.text("Takes:").bullets(accepted);
        if (!c.examples().isEmpty()) reply.text("Examples:").bullets(c.examples().stream().map(CommandSpec.Example::shown).toList());
        if (!related.isEmpty())
            reply.text("Related:").bullets(related.stream().map(r -> "`" + r.usage() + "` — " + r.description()).toList());
        return reply.build();
    }
}
