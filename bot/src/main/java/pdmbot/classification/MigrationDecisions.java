package pdmbot.classification;

import java.util.List;

/** The run decisions' lines for {@code migration explain}: the decision of the group a version is pending in. */
@FunctionalInterface
public interface MigrationDecisions {

    List<String> linesFor(String version);

    MigrationDecisions NONE = version -> List.of();
}
