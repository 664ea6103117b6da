package pdmbot.chat;

import java.util.List;

/** A command as invoked: the request, the caller's role, and the words after the command's name. */
public record Invocation(ChatRequest request, Role role, Command command, Arguments arguments) {

    public Invocation {
        java.util.Objects.requireNonNull(request, "request");
        java.util.Objects.requireNonNull(role, "role");
        java.util.Objects.requireNonNull(arguments, "arguments");
    }

    public List<String> words() {
        return arguments.words();
    }

    public boolean isReleaseManager() {
        return role == Role.RELEASE_MANAGER;
    }

    /** Who asked, for messages and records: the platform's display name. */
    public String caller() {
        return request.userName();
    }
}
