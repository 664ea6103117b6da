package pdmbot.rules.source;

/** Something in a file the parser could not understand, and where. */
public record ParseProblem(int line, String why) {
    public ParseProblem {
        if (line < 0) line = 0;
        if (why == null || why.isBlank()) why = "unreadable source";
    }
}
