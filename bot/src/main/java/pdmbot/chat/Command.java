package pdmbot.chat;

import java.util.List;

/**
 * One chat command: its words, aliases, usage line, description and required role sit with its
 * handler. Help is built from this metadata. A command parses its words, calls its feature and
 * returns a {@link Reply}; it never formats for a platform.
 */
public interface Command {

    /** The words that name the command, e.g. {@code pdm status}. */
    String name();

    /** Other names for it, e.g. {@code post_deploy_migrations execute}. */
    default List<String> aliases() {
        return List.of();
    }

    /** The usage line, e.g. {@code pdm lock <env> [reason]}. */
    String usage();

    /** One sentence saying what the command answers or does. */
    String description();

    /** Examples shown by {@code help <command>}. */
    default List<String> examples() {
        return List.of();
    }

    default Role role() {
        return Role.EVERYONE;
    }

    Reply handle(Invocation invocation);
}
