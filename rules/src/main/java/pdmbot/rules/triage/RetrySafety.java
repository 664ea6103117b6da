package pdmbot.rules.triage;

/** How safe a retry of the failed migration is, most cautious last (the suggestion is the most cautious concluded). */
public enum RetrySafety {
    DONT_KNOW("don't know: ask the author and the database reviewer"),
    SAFE("usually safe to retry"),
    SAFE_AFTER_CLEANUP("usually safe to retry after a cleanup"),
    NOT_UNTIL_CHECKED("not safe until checked");

    private final String words;

    RetrySafety(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
