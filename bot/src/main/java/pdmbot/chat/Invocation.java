package pdmbot.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A command as invoked: the request, the caller's role, the command's declaration and its parsed words. */
public record Invocation(ChatRequest request, Role role, CommandSpec command, Arguments arguments) {

    public Invocation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(arguments, "arguments");
    }

    public List<String> words() {
        return arguments.words();
    }

    /** A required argument's value, by the name the declaration gives it. */
    public String argument(String name) {
        return arguments.argument(name);
    }

    public Optional<String> optional(String name) {
        return arguments.optional(name);
    }

    public String rest(String name) {
        return arguments.rest(name);
    }

    public boolean has(String option) {
        return arguments.has(option);
    }

    public Optional<String> option(String name) {
        return arguments.option(name);
    }

    /** Who asked, for messages and records: the platform's display name. */
    public String caller() {
        return request.userName();
    }
}
