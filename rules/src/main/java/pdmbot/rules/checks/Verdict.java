package pdmbot.rules.checks;

/** What one production check concluded, from harmless to stopping: the run goes on, warns, is cancelled, or fails. */
public enum Verdict {
    PASS, WARN, CANCEL, FAIL;

    public String id() {
        return name().toLowerCase();
    }

    /** Whether a run may go on with this verdict (warnings are shown, not blocking). */
    public boolean allowsTheRun() {
        return this == PASS || this == WARN;
    }
}
