package pdmbot.promote;

import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.world.AutoDeployPackage;

/**
 * The rollback line of a PDM environment, below which {@code deploy … --rollback} refuses: the line
 * {@code rollback check} and the run decisions read ({@code pdmbot.decide.RollbackLine}), handed in by the composition
 * root so that the three give one answer.
 */
@FunctionalInterface
public interface RollbackLines {
    Optional<AutoDeployPackage> on(Environment environment);
}
