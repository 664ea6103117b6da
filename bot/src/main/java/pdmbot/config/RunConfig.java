package pdmbot.config;

import java.util.List;

/**
 * The PDM run: resume an unfinished run on start, or ask a release manager to; how often pipelines are polled;
 * after how long without a heartbeat another instance may take a run over; the production change-lock calendar;
 * the environments the bot does not know by itself ({@code environments}) and the targets a run migrates.
 */
public record RunConfig(String onUnfinished, Integer demoSecondsPerMigration, Integer pollSeconds, Integer leaseSeconds,
                        List<ChangeLockWindow> changeLocks, List<RunTarget> targets, List<RunEnvironment> environments) {

    /** The environments a run migrates by default, in order: gstg with QA after it, then gprd. */
    public static final List<RunTarget> DEFAULT_TARGETS = List.of(new RunTarget("gstg", true, false), new RunTarget("gprd", false, false));

    public RunConfig {
        if (onUnfinished == null || onUnfinished.isBlank()) onUnfinished = "ask";
        if (!List.of("ask", "resume").contains(onUnfinished))
            throw new IllegalArgumentException("on-unfinished: must be ask or resume, not '" + onUnfinished + "'");
        if (demoSecondsPerMigration == null) demoSecondsPerMigration = 0;
        if (demoSecondsPerMigration < 0)
            throw new IllegalArgumentException("demo-seconds-per-migration: must be 0 or more seconds");
        if (pollSeconds == null) pollSeconds = 10;
        if (pollSeconds <= 0) throw new IllegalArgumentException("poll-seconds: must be a positive number of seconds");
        if (leaseSeconds == null) leaseSeconds = 300;
        if (leaseSeconds <= 0) throw new IllegalArgumentException("lease-seconds: must be a positive number of seconds");
        changeLocks = changeLocks == null ? List.of() : List.copyOf(changeLocks);
        environments = environments == null ? List.of() : List.copyOf(environments);
        targets = targets == null || targets.isEmpty() ? DEFAULT_TARGETS : List.copyOf(targets);
        RunTargets.check(targets, environments);
    }
}
