package pdmbot.run;

/** Hears how runs end; the triage dialogue listens for failures. Listeners must not throw. */
public interface RunListener {

    default void runFailed(RunFailed failure) {
    }

    default void runSucceeded(long runId) {
    }
}
