package pdmbot.storage.runs;

/** Where a run is: running (or interrupted), failed at a step, finished, or stopped by its checks. */
public enum RunState {
    /** Steps are being carried out (or were, by an instance that stopped). Active. */
    RUNNING,
    /** A step failed; the run waits for a retry. Active: environments stay locked. */
    FAILED,
    SUCCEEDED,
    /** The checks cancelled it (a deployment running on staging). Never active. */
    CANCELLED,
    /** The checks refused it (production deployment, incident, change request, lock, nothing to run). Never active. */
    REFUSED;

    public String id() {
        return name().toLowerCase();
    }

    public boolean isActive() {
        return this == RUNNING || this == FAILED;
    }

    public static RunState of(String id) {
        return valueOf(id.toUpperCase());
    }
}
