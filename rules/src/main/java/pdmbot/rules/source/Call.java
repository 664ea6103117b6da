package pdmbot.rules.source;

import java.util.List;
import java.util.Map;

/**
 * One method call found in a migration. {@code runs} is true when it is reached from {@code up} or
 * {@code change} (directly or through the class's own methods); {@code guard} names the environment
 * guard around it, empty when none. Absent texts are empty strings, never null.
 */
public record Call(String method, String receiver, String table, List<String> names, Map<String, String> options,
                   boolean runs, boolean inBatch, String guard, int line) {

    public Call {
        method = method == null ? "" : method;
        receiver = receiver == null ? "" : receiver;
        table = table == null ? "" : table;
        names = names == null ? List.of() : List.copyOf(names);
        options = options == null ? Map.of() : Map.copyOf(options);
        guard = guard == null ? "" : guard;
    }

    /** Whether the call passes {@code validate: false}, which makes a constraint NOT VALID. */
    public boolean notValidated() {
        return "false".equals(options.get("validate"));
    }

    /** The value of an option, empty when absent. */
    public String option(String key) {
        return options.getOrDefault(key, "");
    }
}
