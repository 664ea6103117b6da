package pdmbot.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words after a command's name, split into positionals and {@code --flags} / {@code --key=value}
 * options. Commands declare what they accept; anything else is a {@link UsageException}.
 */
public final class Arguments {

    private final List<String> words;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    public Arguments(List<String> words) {
        this.words = List.copyOf(words);
        boolean onlyPositionals = false;
        for (String word : words) {
            if (!onlyPositionals && word.equals("--")) {
                onlyPositionals = true;
            } else if (!onlyPositionals && word.startsWith("--") && word.length() > 2) {
                int eq = word.indexOf('=');
                if (eq > 0) options.put(word.substring(2, eq), word.substring(eq + 1));
                else options.put(word.substring(2), "");
            } else {
                positionals.add(word);
            }
        }
    }

    public List<String> words() {
        return words;
    }

    public List<String> positionals() {
        return positionals;
    }

    public boolean has(String flag) {
        return options.containsKey(flag);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isEmpty());
    }

    /** Refuses options the command does not know. */
    public Arguments allowOnly(String... known) {
        Set<String> allowed = Set.of(known);
        for (String name : options.keySet())
            if (!allowed.contains(name))
                throw new UsageException("unknown option --" + name
                        + (allowed.isEmpty() ? " (this command takes none)" : " (known: --" + String.join(", --", known) + ")"));
        return this;
    }

    /** The positional at {@code index}, or a usage error naming what is missing. */
    public String required(int index, String what) {
        if (index >= positionals.size()) throw new UsageException("missing " + what);
        return positionals.get(index);
    }

    public Optional<String> optional(int index) {
        return index < positionals.size() ? Optional.of(positionals.get(index)) : Optional.empty();
    }

    /** The positionals from {@code index} on, joined by spaces (free text such as a reason). */
    public String rest(int index) {
        return index >= positionals.size() ? "" : String.join(" ", positionals.subList(index, positionals.size()));
    }

    public Arguments atMost(int count) {
        if (positionals.size() > count)
            throw new UsageException("too many words: " + String.join(" ", positionals.subList(count, positionals.size())));
        return this;
    }
}
