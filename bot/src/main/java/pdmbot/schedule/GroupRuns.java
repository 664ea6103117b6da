package pdmbot.schedule;

import pdmbot.decide.PendingGroup;

/** Starts the PDM run of one group, through the production checks of the moment. */
@FunctionalInterface
public interface GroupRuns {

    /** How a start ended: a run started, or the checks (or an active run) refused it. */
    sealed interface Start permits Started, Refused {
    }

    /** {@code scope} says what the run migrates (the group, or more when only whole runs can be started). */
    record Started(long runId, String scope) implements Start {
    }

    record Refused(String reason) implements Start {
    }

    Start start(PendingGroup group, String startedBy);
}
