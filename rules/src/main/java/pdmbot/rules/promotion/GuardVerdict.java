package pdmbot.rules.promotion;

/** What one promotion guard concluded: it lets the promotion go, gave way to the override, or refuses it. */
public enum GuardVerdict {
    PASS, OVERRIDDEN, REFUSE;

    public String id() {
        return name().toLowerCase();
    }
}
