package pdmbot.rules.source;

/** One lexical token of Ruby source; {@code text} is the decoded content for strings and symbols. */
public record Token(Kind kind, String text, int line, boolean spaceBefore, boolean interpolated) {

    /** Token kinds of the Ruby subset migrations use. */
    public enum Kind { IDENT, CONST, IVAR, KEYWORD, SYMBOL, STRING, WORDS, NUMBER, LABEL, OP, NEWLINE, EOF }

    public Token {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (text == null) text = "";
    }

    public boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean isOp(String t) {
        return kind == Kind.OP && text.equals(t);
    }

    public boolean isKeyword(String t) {
        return kind == Kind.KEYWORD && text.equals(t);
    }
}
