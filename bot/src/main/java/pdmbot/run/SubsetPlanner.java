package pdmbot.run;

import pdmbot.chat.Reply;

/**
 * What {@code pdm execute --only <nature|version,...>} answers: the chosen migrations in version order, the run
 * decisions' refusal of a subset that would run a migration before an earlier pending one on the same table, and the
 * decisions of the groups it holds. Implemented by the run decisions ({@code pdmbot.decide}).
 */
@FunctionalInterface
public interface SubsetPlanner {

    Reply plan(String only, boolean dryRun);

    SubsetPlanner NONE = (only, dryRun) -> Reply.refused("`--only` needs the run decisions, which this bot was started without.");
}
