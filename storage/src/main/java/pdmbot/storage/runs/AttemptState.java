package pdmbot.storage.runs;

/** How one attempt of a run went. */
public enum AttemptState {
    /** Its steps are being carried out. */
    RUNNING,
    /** A step failed; the run waits for a retry. */
    FAILED,
    /** The run reached its end. */
    SUCCEEDED,
    /** The production checks refused the retry: nothing ran. */
    REFUSED,
    /** The production checks cancelled the retry (a deployment on staging): nothing ran. */
    CANCELLED,
    /** The instance driving it stopped; a later attempt went on. */
    INTERRUPTED;

    public String id() {
        return name().toLowerCase();
    }

    public static AttemptState of(String id) {
        return valueOf(id.toUpperCase());
    }
}
