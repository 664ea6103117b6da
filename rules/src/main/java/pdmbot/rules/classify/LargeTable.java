package pdmbot.rules.classify;

/** A table the migration touches that table sizes call large. */
public record LargeTable(String name, String size) {}
