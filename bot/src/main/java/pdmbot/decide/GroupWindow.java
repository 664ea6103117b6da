package pdmbot.decide;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The next good window of a group, or none in the span asked for, with the reasons the decision gave
 * (rule name and the facts it used, one line each).
 */
public record GroupWindow(PendingGroup group, Optional<Window> window, List<String> reasons) {

    public GroupWindow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(window, "window");
        reasons = List.copyOf(reasons);
    }
}
