package pdmbot.rules.classify;

import pdmbot.domain.LogicalDatabase;

/** A logical database the migration runs on, with the rule that concluded it. */
public record DatabaseConclusion(LogicalDatabase database, String rule, int line) implements Conclusion {}
