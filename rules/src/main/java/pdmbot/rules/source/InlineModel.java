package pdmbot.rules.source;

/** A model class declared inside the migration ({@code class Build < MigrationRecord}) and its table. */
public record InlineModel(String className, String table, int line) {}
