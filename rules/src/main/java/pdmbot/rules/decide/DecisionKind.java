package pdmbot.rules.decide;

/** What the decision for a group is: run now, wait for a window, or blocked by something that must clear first. */
public enum DecisionKind {
    RUN_NOW, WAIT_UNTIL, BLOCKED;

    public String id() {
        return name();
    }
}
