package pdmbot.config;

import java.util.List;

/**
 * Scheduled runs: {@code suggest} only answers ({@code pdm schedule}); {@code propose} posts a proposal with
 * Confirm / Skip to the announcements channel when a group's window opens; {@code auto} runs the groups whose
 * nature is in {@code auto-natures} without a click (announced, same checks) and proposes the others.
 * {@code lookahead-days} is how far ahead windows are planned.
 */
public record ScheduleConfig(String mode, List<String> autoNatures, Integer lookaheadDays) {
    public static final List<String> MODES = List.of("suggest", "propose", "auto");

    public ScheduleConfig {
        if (mode == null || mode.isBlank()) mode = "suggest";
        if (!MODES.contains(mode))
            throw new IllegalArgumentException("mode: must be suggest, propose or auto, not '" + mode + "'");
        autoNatures = autoNatures == null ? List.of() : List.copyOf(autoNatures);
        for (int i = 0; i < autoNatures.size(); i++)
            if (!DurationsConfig.NATURES.contains(autoNatures.get(i)))
                throw new IllegalArgumentException("auto-natures[" + i + "]: '" + autoNatures.get(i)
                        + "' is not a nature; expected one of " + String.join(", ", DurationsConfig.NATURES));
        if (lookaheadDays == null) lookaheadDays = 7;
        if (lookaheadDays < 1 || lookaheadDays > 31)
            throw new IllegalArgumentException("lookahead-days: must be between 1 and 31");
    }
}
