package pdmbot.rules.classify;

/** The file's most constraining nature, derived by the rules. */
public record Dominant(Nature nature) implements Conclusion {}
