package pdmbot.storage.runs;

/** Where a step of a run is. */
public enum StepState {
    PENDING, RUNNING, SUCCEEDED, FAILED;

    public String id() {
        return name().toLowerCase();
    }

    public static StepState of(String id) {
        return valueOf(id.toUpperCase());
    }
}
