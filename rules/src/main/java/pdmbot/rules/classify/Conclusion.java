package pdmbot.rules.classify;

/** What the classification rules conclude about a file; the rule file's {@code conclusions} query returns them all. */
public sealed interface Conclusion permits Reason, Dominant, DatabaseConclusion {
}
