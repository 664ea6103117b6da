package pdmbot.run;

import java.util.Optional;
import pdmbot.world.MergeRequestRef;

/** Finds the merge request that brought a post-deploy migration (from the ledger and the commit's trailer). */
@FunctionalInterface
public interface MergeRequestOf {

    Optional<MergeRequestRef> of(String migrationVersion);
}
