package pdmbot.run.demo;

import java.util.function.Function;
import pdmbot.chat.Command;
import pdmbot.chat.Invocation;
import pdmbot.chat.Reply;

/** A demo-only command that changes the simulated production, so every path of a PDM run can be tried. */
final class DemoCommand implements Command {

    private final String name;
    private final String usage;
    private final String description;
    private final Function<Invocation, Reply> handler;

    DemoCommand(String name, String usage, String description, Function<Invocation, Reply> handler) {
        this.name = name;
        this.usage = usage;
        this.description = description;
        this.handler = handler;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return usage;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Reply handle(Invocation invocation) {
        return handler.apply(invocation);
    }
}
