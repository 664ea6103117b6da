package pdmbot.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words after a command's name, parsed against its {@link CommandSpec}: named positionals and
 * {@code --flag} / {@code --name=value} / {@code --name value} options. Anything the declaration does not accept is
 * a {@link UsageException}; asking for a name the declaration does not have is a wiring bug.
 */
public final class Arguments {

    private final CommandSpec spec;
    private final List<String> words;
    private final Map<String, String> values;
    private final Map<String, String> options;

    private Arguments(CommandSpec spec, List<String> words, Map<String, String> values, Map<String, String> options) {
        this.spec = spec;
        this.words = List.copyOf(words);
        this.values = Map.copyOf(values);
        this.options = Map.copyOf(options);
    }

    /** Parses {@code words}; the order of checks is: unknown or malformed option, too many words, missing argument. */
    public static Arguments parse(CommandSpec spec, List<String> words) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean onlyPositionals = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!onlyPositionals && word.equals("--")) {
                onlyPositionals = true;
            } else if (!onlyPositionals && word.startsWith("--") && word.length() > 2) {
                int eq = word.indexOf('=');
                String name = eq > 0 ? word.substring(2, eq) : word.substring(2);
                CommandSpec.Option option = spec.option(name).orElseThrow(() -> unknownOption(spec, name));
                if (!option.takesValue()) {
                    if (eq > 0) throw new UsageException("--" + name + " takes no value");
                    options.put(name, "");
                } else if (eq > 0) {
                    options.put(name, word.substring(eq + 1));
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    options.put(name, words.get(++i));
                } else {
                    throw new UsageException("--" + name + " needs a value: --" + name + "=<" + option.valueLabel().orElseThrow() + ">");
                }
            } else {
                positionals.add(word);
            }
        }
        return new Arguments(spec, words, bind(spec, positionals), options);
    }

    private static UsageException unknownOption(CommandSpec spec, String name) {
        List<String> known = spec.options().stream().map(CommandSpec.Option::name).toList();
        return new UsageException("unknown option --" + name
                + (known.isEmpty() ? " (this command takes none)" : " (known: --" + String.join(", --", known) + ")"));
    }

    private static Map<String, String> bind(CommandSpec spec, List<String> positionals) {
        Map<String, String> values = new LinkedHashMap<>();
        List<CommandSpec.Parameter> parameters = spec.parameters();
        boolean takesRest = !parameters.isEmpty()
                && parameters.get(parameters.size() - 1).kind() == CommandSpec.Parameter.Kind.REST;
        if (!takesRest && positionals.size() > parameters.size())
            throw new UsageException("too many words: " + String.join(" ", positionals.subList(parameters.size(), positionals.size())));
        for (int i = 0; i < parameters.size(); i++) {
            CommandSpec.Parameter p = parameters.get(i);
            if (i >= positionals.size()) {
                if (p.isRequired()) throw new UsageException("missing " + p.what());
                continue;
            }
            if (p.kind() == CommandSpec.Parameter.Kind.WORD) {
                if (!positionals.get(i).equalsIgnoreCase(p.name())) throw misplaced(parameters, i, positionals.get(i));
                continue;
            }
            values.put(p.name(), p.kind() == CommandSpec.Parameter.Kind.REST
                    ? String.join(" ", positionals.subList(i, positionals.size())) : positionals.get(i));
        }
        return values;
    }

    /** {@code expected `to` between the candidate and the environment, not `into`}. */
    private static UsageException misplaced(List<CommandSpec.Parameter> parameters, int i, String typed) {
        String before = i > 0 ? parameters.get(i - 1).name() : null;
        String after = i + 1 < parameters.size() ? parameters.get(i + 1).name() : null;
        String where = before != null && after != null ? " between the " + before + " and the " + after
                : before != null ? " after the " + before : after != null ? " before the " + after : "";
        return new UsageException("expected `" + parameters.get(i).name() + "`" + where + ", not `" + typed + "`");
    }

    /** Every word after the command's name, as typed. */
    public List<String> words() {
        return words;
    }

    /** A required argument's value. */
    public String argument(String name) {
        CommandSpec.Parameter p = declared(name);
        if (p.kind() != CommandSpec.Parameter.Kind.REQUIRED)
            throw new IllegalArgumentException("'" + spec.name() + "': " + name + " is optional; use optional(\"" + name + "\")");
        return values.get(name);
    }

    /** An optional argument's value (or free text's, when any was given). */
    public Optional<String> optional(String name) {
        declared(name);
        return Optional.ofNullable(values.get(name));
    }

    /** Free text: the words it took joined by spaces, or "" when none. */
    public String rest(String name) {
        return optional(name).orElse("");
    }

    /** Whether a flag (or a valued option) was given. */
    public boolean has(String option) {
        declaredOption(option);
        return options.containsKey(option);
    }

    /** A valued option's value, when given and not empty. */
    public Optional<String> option(String name) {
        declaredOption(name);
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isEmpty());
    }

    private CommandSpec.Parameter declared(String name) {
        return spec.parameter(name).orElseThrow(() -> new IllegalArgumentException(
                "'" + spec.name() + "' declares no argument " + name));
    }

    private void declaredOption(String name) {
        if (spec.option(name).isEmpty())
            throw new IllegalArgumentException("'" + spec.name() + "' declares no option --" + name);
    }
}
