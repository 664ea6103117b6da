package pdmbot.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code schedule.*}: {@code mode} suggest (only answers), propose (Confirm / Skip at each window) or auto (the
 * {@code autoNatures} run without a click; the other natures are proposed); how far ahead windows are planned; how
 * often the planner looks.
 */
public record ScheduleSettings(String mode, List<String> autoNatures, Duration lookahead, Duration planEvery) {

    public ScheduleSettings {
        Objects.requireNonNull(mode, "mode");
        autoNatures = List.copyOf(autoNatures);
        Objects.requireNonNull(lookahead, "lookahead");
        Objects.requireNonNull(planEvery, "planEvery");
    }

    public boolean isActive() {
        return !mode.equals("suggest");
    }

    /** Whether a group of {@code nature} runs without a click. */
    public boolean runsWithoutClick(String nature) {
        return mode.equals("auto") && autoNatures.contains(nature);
    }
}
