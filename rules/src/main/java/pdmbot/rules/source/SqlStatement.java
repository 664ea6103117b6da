package pdmbot.rules.source;

/**
 * One SQL statement a migration executes, reduced to its verb ({@code CREATE INDEX}, {@code UPDATE},
 * {@code ADD CONSTRAINT NOT VALID}, {@code UNREADABLE}…) and its target table or object.
 */
public record SqlStatement(String verb, String target, boolean concurrently, boolean runs, String guard, int line) {
    public SqlStatement {
        verb = verb == null ? "UNREADABLE" : verb;
        target = target == null ? "" : target;
        guard = guard == null ? "" : guard;
    }
}
