package pdmbot.run;

import java.util.List;

/** The run decisions' lines for {@code pdm status}: one per pending group. Implemented by {@code pdmbot.decide}. */
@FunctionalInterface
public interface StatusDecisions {

    List<String> lines();

    StatusDecisions NONE = List::of;
}
