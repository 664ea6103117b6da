package pdmbot.run;

import java.util.List;
import java.util.Set;
import pdmbot.chat.Reply;
import pdmbot.domain.Environment;
import pdmbot.storage.runs.RunScope;

/**
 * What {@code pdm execute --only <nature|version,...>} answers: the chosen migrations in version order, the run
 * decisions' refusal of a subset that would run a migration before an earlier pending one on the same table, and the
 * decisions of the groups it holds. Implemented by the run decisions ({@code pdmbot.decide}).
 */
public interface SubsetPlanner {

    /** What a subset resolved to. */
    sealed interface Subset permits Chosen, Refused {
    }

    /**
     * The subset may run: the scope to store with the run, a table of what it runs ({@code headers}, {@code rows}), and
     * the decision of each group it holds, in a line each.
     */
    record Chosen(RunScope scope, List<String> headers, List<List<String>> rows, List<String> decisions) implements Subset {
        public Chosen {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
            decisions = List.copyOf(decisions);
        }
    }

    /** It may not (nothing matches, or it would run a migration before an earlier pending one on its table). */
    record Refused(Reply reply) implements Subset {
    }

    /** The dry run's answer. */
    Reply plan(String only, boolean dryRun);

    /**
     * Resolves {@code only} on {@code environments} against what is pending; {@code scopeWords} is what the run says it
     * is limited to. Unknown words are a {@link pdmbot.chat.UsageException} with a "did you mean".
     */
    Subset choose(String only, Set<Environment> environments, String scopeWords);

    SubsetPlanner NONE = new SubsetPlanner() {
        private static final String WHY = "`--only` needs the run decisions, which this bot was started without.";

        @Override
        public Reply plan(String only, boolean dryRun) {
            return Reply.refused(WHY);
        }

        @Override
        public Subset choose(String only, Set<Environment> environments, String scopeWords) {
            return new Refused(Reply.refused(WHY));
        }
    };
}
