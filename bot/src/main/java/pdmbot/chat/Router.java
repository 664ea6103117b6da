package pdmbot.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds the command a line of words names: the longest matching name or alias wins. */
public final class Router {

    private final Map<String, CommandSpec> byWords = new LinkedHashMap<>();
    private final List<CommandSpec> commands = new ArrayList<>();

    public Router(Collection<? extends Command> commands) {
        for (Command command : commands) add(command.spec());
    }

    private void add(CommandSpec command) {
        commands.add(command);
        register(command.name(), command);
        for (String alias : command.aliases()) register(alias, command);
    }

    private void register(String words, CommandSpec command) {
        String key = normalise(words);
        CommandSpec previous = byWords.putIfAbsent(key, command);
        if (previous != null)
            throw new IllegalStateException("'" + key + "' names both `" + previous.usage() + "` and `" + command.usage() + "`");
    }

    public List<CommandSpec> commands() {
        return List.copyOf(commands);
    }

    /** The outcome of routing a line. */
    public sealed interface Route permits Matched, Unknown {
    }

    public record Matched(CommandSpec command, List<String> rest) implements Route {
    }

    /** Nothing matched; {@code suggestions} are command names close to what was typed. */
    public record Unknown(String typed, List<String> suggestions) implements Route {
    }

    public Route route(List<String> words) {
        for (int n = Math.min(words.size(), 4); n >= 1; n--) {
            String key = normalise(String.join(" ", words.subList(0, n)));
            CommandSpec command = byWords.get(key);
            if (command != null) return new Matched(command, words.subList(n, words.size()));
        }
        return new Unknown(String.join(" ", words.subList(0, Math.min(words.size(), 2))), suggest(words));
    }

    /** Looks a command up by its name or alias, for {@code help <command>}. */
    public Optional<CommandSpec> find(String words) {
        return Optional.ofNullable(byWords.get(normalise(words)));
    }

    private List<String> suggest(List<String> words) {
        List<String> names = commands.stream().map(CommandSpec::name).toList();
        String first = words.get(0).toLowerCase(Locale.ROOT);
        List<String> sameGroup = names.stream().filter(n -> n.startsWith(first + " ")).toList();
        if (!sameGroup.isEmpty() && words.size() > 1) {
            String typed = first + " " + words.get(1).toLowerCase(Locale.ROOT);
            List<String> close = Suggestions.closest(typed, sameGroup, 3);
            return close.isEmpty() ? sameGroup : close;
        }
        if (!sameGroup.isEmpty()) return sameGroup;
        List<String> all = new ArrayList<>(byWords.keySet());
        String typedOne = first;
        String typedTwo = words.size() > 1 ? first + " " + words.get(1).toLowerCase(Locale.ROOT) : first;
        List<String> close = Suggestions.closest(typedTwo, all, 3);
        if (close.isEmpty()) {
            List<String> firstWords = all.stream().map(k -> k.split(" ")[0]).distinct().toList();
            List<String> group = Suggestions.closest(typedOne, firstWords, 1);
            if (!group.isEmpty())
                close = names.stream().filter(n -> n.equals(group.get(0)) || n.startsWith(group.get(0) + " "))
                        .limit(3).collect(Collectors.toList());
        }
        return close.stream().map(k -> byWords.get(k) == null ? k : byWords.get(k).name()).distinct().toList();
    }

    static String normalise(String words) {
        return String.join(" ", words.trim().toLowerCase(Locale.ROOT).split("\\s+"));
    }
}
