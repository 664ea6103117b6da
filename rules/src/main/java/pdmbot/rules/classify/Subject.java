package pdmbot.rules.classify;

/** The file being classified; present in every session so that "nothing matched" has a premise. */
public record Subject(String path, int classLine) {}
