package pdmbot.storage.runs;

/** What asking to start a run gave: the new run, or the run already active (on this or another instance). */
public sealed interface StartOutcome permits StartOutcome.Started, StartOutcome.AlreadyActive {

    record Started(RunRecord run) implements StartOutcome {
    }

    record AlreadyActive(RunRecord active) implements StartOutcome {
    }
}
