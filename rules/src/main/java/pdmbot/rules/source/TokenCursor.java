package pdmbot.rules.source;

import java.util.List;

/**
 * The parser's position in the token list and the helpers every grammar layer uses to look at and consume tokens.
 * Layers, each a subclass of the one before: {@link ExpressionParser}, {@link CallParser}, {@link PrimaryParser},
 * {@link Parser}.
 */
abstract class TokenCursor {

    static final int MAX_DEPTH = 200;

    final List<Token> t;
    final List<ParseProblem> problems;
    int i;
    int depth;
    /** Inside a condition or a paren-less argument list, where {@code do} opens the statement's block, not a call's. */
    boolean noDo;

    TokenCursor(List<Token> tokens, List<ParseProblem> problems) {
        this.t = tokens;
        this.problems = problems;
    }

    Token cur() {
        return t.get(Math.min(i, t.size() - 1));
    }

    Token peek(int n) {
        return t.get(Math.min(i + n, t.size() - 1));
    }

    boolean at(Token.Kind k) {
        return cur().kind() == k;
    }

    boolean atOp(String op) {
        return cur().isOp(op);
    }

    boolean atKw(String kw) {
        return cur().isKeyword(kw);
    }

    Token next() {
        Token tok = cur();
        if (i < t.size() - 1) i++;
        return tok;
    }

    void skipNewlines() {
        while (at(Token.Kind.NEWLINE) || atOp(";")) next();
    }

    void skipNewlinesOnly() {
        while (at(Token.Kind.NEWLINE)) next();
    }

    void expectEnd(String what, int line) {
        skipNewlines();
        if (atKw("end")) { next(); return; }
        problems.add(new ParseProblem(line, "'" + what + "' opened here has no matching 'end'"));
    }

    boolean tooDeep() {
        if (depth <= MAX_DEPTH) return false;
        problems.add(new ParseProblem(cur().line(), "nesting deeper than " + MAX_DEPTH + " levels; rest skipped"));
        i = t.size() - 1;
        return true;
    }
}
