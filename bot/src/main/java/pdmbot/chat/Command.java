package pdmbot.chat;

/**
 * One chat command. Everything about it — words, aliases, arguments, options, role, description, examples and
 * handler — is one {@link CommandSpec}; the core derives usage, validation, help and the role check from it.
 * A command parses nothing itself, calls its feature and returns a {@link Reply}; it never formats for a platform.
 */
public interface Command {

    /** The command's declaration; asked once, when the router is built. */
    CommandSpec spec();
}
