package pdmbot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one declaration of a chat command: its words, aliases, description, role, positional arguments, options with
 * their arity, examples and handler. The usage line, argument validation, help and the role check are all derived
 * from it (in the spirit of picocli's {@code @Command} and Errbot's {@code @arg_botcmd}). A spec is itself a
 * {@link Command}, so a family of small commands can be a list of specs.
 */
public final class CommandSpec implements Command {

    /** What a command does with its words once they are parsed. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Invocation invocation);
    }

    /**
     * A positional argument; {@code what} completes "missing …" and explains it in help. A {@link Kind#WORD} is a word
     * typed as it is ({@code to} in {@code deploy <candidate> to <environment>}), its name the word itself.
     */
    public record Parameter(String name, String what, Kind kind) {

        public enum Kind { REQUIRED, OPTIONAL, REST, WORD }

        public Parameter {
            requireWord(name, "parameter name");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(kind, "kind");
        }

        String usage() {
            return switch (kind) {
                case REQUIRED -> "<" + name + ">";
                case OPTIONAL, REST -> "[" + name + "]";
                case WORD -> name;
            };
        }

        /** Whether the user must type it (an argument or a literal word). */
        boolean isRequired() {
            return kind == Kind.REQUIRED || kind == Kind.WORD;
        }
    }

    /** A {@code --name} option: a flag, or one that takes a value ({@code --name=value} or {@code --name value}). */
    public record Option(String name, Optional<String> valueLabel, String what) {

        public Option {
            requireWord(name, "option name");
            Objects.requireNonNull(valueLabel, "valueLabel");
            Objects.requireNonNull(what, "what");
        }

        public boolean takesValue() {
            return valueLabel.isPresent();
        }

        String usage() {
            return "[--" + name + valueLabel.map(v -> "=<" + v + ">").orElse("") + "]";
        }
    }

    /**
     * A line shown by {@code help <command>}. Every example works on a fresh demo world after its {@code given} lines,
     * or is refused there for the reason {@code refusedBecause} gives (a test runs them all).
     */
    public record Example(String words, List<String> given, Optional<String> refusedBecause) {

        public Example {
            Objects.requireNonNull(words, "words");
            given = List.copyOf(given);
            Objects.requireNonNull(refusedBecause, "refusedBecause");
        }

        /** The example as help shows it. */
        public String shown() {
            String line = "`" + words + "`" + (given.isEmpty() ? ""
                    : " (after " + String.join(", ", given.stream().map(g -> "`" + g + "`").toList()) + ")");
            return refusedBecause.map(why -> line + " — refused " + why).orElse(line);
        }
    }

    private final String name;
    private final List<String> aliases;
    private final String description;
    private final Role role;
    private final List<Parameter> parameters;
    private final List<Option> options;
    private final List<Example> examples;
    private final Handler handler;

    private CommandSpec(Builder b, Handler handler) {
        this.name = b.name;
        this.aliases = List.copyOf(b.aliases);
        this.description = Objects.requireNonNull(b.description, () -> "'" + b.name + "' has no description");
        this.role = b.role;
        this.parameters = List.copyOf(b.parameters);
        this.options = List.copyOf(b.options);
        this.examples = List.copyOf(b.examples);
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Starts the declaration of the command named by {@code words}, e.g. {@code pdm status}. */
    public static Builder command(String words) {
        return new Builder(words);
    }

    @Override
    public CommandSpec spec() {
        return this;
    }

    /** The words that name the command, e.g. {@code pdm status}. */
    public String name() {
        return name;
    }

    /** Other names for it, e.g. {@code post_deploy_migrations execute}. */
    public List<String> aliases() {
        return aliases;
    }

    /** One sentence saying what the command answers or does. */
    public String description() {
        return description;
    }

    public Role role() {
        return role;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public List<Option> options() {
        return options;
    }

    public List<Example> examples() {
        return examples;
    }

    /** The usage line, derived: {@code pdm lock <env> [reason]}, {@code pdm execute [--dry-run] [--confirm]}. */
    public String usage() {
        StringBuilder usage = new StringBuilder(name);
        for (Parameter p : parameters) usage.append(' ').append(p.usage());
        for (Option o : options) usage.append(' ').append(o.usage());
        return usage.toString();
    }

    Optional<Option> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** Parses the words after the name against this declaration and runs the handler; bad words are a {@link UsageException}. */
    public Reply handle(ChatRequest request, Role callerRole, List<String> words) {
        return handler.handle(new Invocation(request, callerRole, this, Arguments.parse(this, words)));
    }

    private static void requireWord(String word, String what) {
        if (word == null || !word.matches("[a-z0-9][a-z0-9_-]*"))
            throw new IllegalArgumentException(what + " must be one lower-case word: " + word);
    }

    /** Collects a declaration; {@link #handledBy} ends it. */
    public static final class Builder {
        private final String name;
        private final List<String> aliases = new ArrayList<>();
        private String description;
        private Role role = Role.EVERYONE;
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Option> options = new ArrayList<>();
        private final List<Example> examples = new ArrayList<>();

        private Builder(String name) {
            this.name = Router.normalise(Objects.requireNonNull(name, "name"));
        }

        public Builder alias(String words) {
            aliases.add(Router.normalise(words));
            return this;
        }

        public Builder description(String sentence) {
            this.description = sentence;
            return this;
        }

        /** Only release managers may run it; everyone else is refused before it parses anything. */
        public Builder releaseManagersOnly() {
            this.role = Role.RELEASE_MANAGER;
            return this;
        }

        public Builder argument(String parameterName, String what) {
            return add(new Parameter(parameterName, what, Parameter.Kind.REQUIRED));
        }

        public Builder optionalArgument(String parameterName, String what) {
            return add(new Parameter(parameterName, what, Parameter.Kind.OPTIONAL));
        }

        /** A word typed as it is between arguments, e.g. {@code .word("to")}: the usage line shows it so, the parser checks it. */
        public Builder word(String literal) {
            return add(new Parameter(literal, "the word `" + literal + "`", Parameter.Kind.WORD));
        }

        /** Free text: every remaining word, joined by spaces (a reason, a command name). */
        public Builder rest(String parameterName, String what) {
            return add(new Parameter(parameterName, what, Parameter.Kind.REST));
        }

        private Builder add(Parameter parameter) {
            if (!parameters.isEmpty() && !parameters.get(parameters.size() - 1).isRequired()
                    && (parameter.isRequired() || parameters.get(parameters.size() - 1).kind() == Parameter.Kind.REST))
                throw new IllegalArgumentException("'" + name + "': " + parameter.name()
                        + " cannot follow an optional argument or free text");
            if (parameters.stream().anyMatch(p -> p.name().equals(parameter.name())))
                throw new IllegalArgumentException("'" + name + "' declares " + parameter.name() + " twice");
            parameters.add(parameter);
            return this;
        }

        public Builder flag(String optionName, String what) {
            return addOption(new Option(optionName, Optional.empty(), what));
        }

        public Builder option(String optionName, String valueLabel, String what) {
            return addOption(new Option(optionName, Optional.of(valueLabel), what));
        }

        private Builder addOption(Option option) {
            if (options.stream().anyMatch(o -> o.name().equals(option.name())))
                throw new IllegalArgumentException("'" + name + "' declares --" + option.name() + " twice");
            options.add(option);
            return this;
        }

        /** An example that succeeds on a fresh demo world. */
        public Builder example(String words) {
            examples.add(new Example(words, List.of(), Optional.empty()));
            return this;
        }

        /** An example that succeeds on a fresh demo world once the {@code given} lines have run. */
        public Builder exampleAfter(String words, String... given) {
            examples.add(new Example(words, List.of(given), Optional.empty()));
            return this;
        }

        /** An example that a fresh demo world refuses, for the reason given ("until a run has failed"). */
        public Builder exampleRefused(String words, String because) {
            examples.add(new Example(words, List.of(), Optional.of(because)));
            return this;
        }

        public CommandSpec handledBy(Handler handler) {
            return new CommandSpec(this, handler);
        }
    }
}
