package pdmbot.rules.source;

import java.util.List;
import java.util.Set;

/**
 * Turns Ruby source into tokens: comments dropped, strings decoded (interpolation kept as text),
 * heredocs read from the lines after the one that opens them ({@link LiteralLexer}). Never throws; oddities
 * become problems.
 */
final class Lexer extends LiteralLexer {

    static final Set<String> KEYWORDS = Set.of("class", "module", "def", "do", "end", "if", "unless", "while",
            "until", "for", "in", "begin", "rescue", "ensure", "else", "elsif", "then", "return", "case", "when",
            "and", "or", "not", "yield", "self", "nil", "true", "false", "super", "next", "break", "redo", "retry",
            "defined?", "alias", "undef", "__method__");

    private static final String[] OPERATORS = {"**=", "<=>", "===", "...", "<<=", ">>=", "&&=", "||=", "&.",
            "**", "==", "!=", ">=", "<=", "&&", "||", "<<", ">>", "=~", "!~", "..", "::", "->", "=>", "+=", "-=",
            "*=", "/=", "%=", "|=", "&=", "^="};

    Lexer(String src, List<ParseProblem> problems) {
        super(src, problems);
    }

    List<Token> tokens() {
        boolean space = false;
        while (pos < src.length()) {
            int before = pos;
            char c = src.charAt(pos);
            if (c == '\n') {
                add(Token.Kind.NEWLINE, "\n", pos, false, false);
                pos++;
                if (pendingBodyStart >= 0) {
                    pos = Math.max(pos, pendingBodyStart);
                    pendingBodyStart = -1;
                }
                if (src.startsWith("=begin", pos)) skipBlockComment();
                if (src.startsWith("__END__", pos) && lineEndsAt(pos + 7)) break;
                space = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') { pos++; space = true; continue; }
            if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') { pos += 2; space = true; continue; }
            if (c == '#') { while (pos < src.length() && src.charAt(pos) != '\n') pos++; continue; }
            if (pos == 0 && src.startsWith("=begin")) { skipBlockComment(); continue; }
            lexOne(c, space);
            space = false;
            if (pos <= before) pos = before + 1; // always advance
        }
        add(Token.Kind.NEWLINE, "\n", src.length(), false, false);
        add(Token.Kind.EOF, "", src.length(), false, false);
        return tokens;
    }

    boolean lineEndsAt(int p) {
        return p >= src.length() || src.charAt(p) == '\n' || src.charAt(p) == '\r';
    }

    void skipBlockComment() {
        int end = src.indexOf("\n=end", pos);
        if (end < 0) {
            problems.add(new ParseProblem(lineOf(pos), "=begin comment never closed by =end"));
            pos = src.length();
            return;
        }
        int nl = src.indexOf('\n', end + 1);
        pos = nl < 0 ? src.length() : nl;
    }

    void lexOne(char c, boolean space) {
        int start = pos;
        if (Character.isDigit(c)) { number(space); return; }
        if (isIdentStart(c)) { identifier(space); return; }
        if (c == '@') {
            int p = pos + 1;
            if (p < src.length() && src.charAt(p) == '@') p++;
            while (p < src.length() && isIdentPart(src.charAt(p))) p++;
            add(Token.Kind.IVAR, src.substring(pos, p), start, space, false);
            pos = p;
            return;
        }
        if (c == '$') {
            int p = pos + 1;
            while (p < src.length() && (isIdentPart(src.charAt(p)) || "!@&~0123456789".indexOf(src.charAt(p)) >= 0)) { p++; if (!isIdentPart(src.charAt(p - 1))) break; }
            add(Token.Kind.IVAR, src.substring(pos, p), start, space, false);
            pos = p;
            return;
        }
        if (c == '"' || c == '`') { pos++; quoted(c, c, true, space, start); return; }
        if (c == '\'') { pos++; quoted('\'', '\'', false, space, start); return; }
        if (c == ':' && pos + 1 < src.length()) {
            char n = src.charAt(pos + 1);
            if (n == '"' || n == '\'') {
                pos += 2;
                String s = readQuoted(n, n, n == '"');
                add(Token.Kind.SYMBOL, s, start, space, false);
                return;
            }
            if (n != ':' && (isIdentStart(n)) && !(afterValue() && !space)) {
                int p = pos + 1;
                while (p < src.length() && isIdentPart(src.charAt(p))) p++;
                if (p < src.length() && (src.charAt(p) == '?' || src.charAt(p) == '!' || src.charAt(p) == '=')
                        && !(p + 1 < src.length() && (src.charAt(p + 1) == '=' || src.charAt(p + 1) == '>' || src.charAt(p + 1) == '~'))) p++;
                add(Token.Kind.SYMBOL, src.substring(pos + 1, p), start, space, false);
                pos = p;
                return;
            }
        }
        if (c == '<' && src.startsWith("<<", pos) && heredoc(space)) return;
        if (c == '/' && regexAllowed(space)) {
            pos++;
            String body = readQuoted('/', '/', true);
            while (pos < src.length() && Character.isLetter(src.charAt(pos))) pos++; // flags
            add(Token.Kind.STRING, body, start, space, false);
            return;
        }
        if (c == '%' && percentLiteral(space)) return;
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                add(Token.Kind.OP, op, start, space, false);
                pos += op.length();
                return;
            }
        }
        if (c == '(' || c == '[' || c == '{') parenDepth++;
        if (c == ')' || c == ']' || c == '}') parenDepth--;
        add(Token.Kind.OP, String.valueOf(c), start, space, false);
        pos++;
    }

    /** A slash starts a regular expression where a value is expected: {@code =~ /x/}, {@code (/x/)}, {@code scan /x/}. */
    boolean regexAllowed(boolean space) {
        if (!afterValue()) return true;
        Token prev = last();
        boolean nextIsSpace = pos + 1 < src.length() && Character.isWhitespace(src.charAt(pos + 1));
        return prev.kind() == Token.Kind.IDENT && space && !nextIsSpace;
    }

    void number(boolean space) {
        int start = pos;
        int p = pos;
        while (p < src.length() && (Character.isLetterOrDigit(src.charAt(p)) || src.charAt(p) == '_')) p++;
        if (p + 1 < src.length() && src.charAt(p) == '.' && Character.isDigit(src.charAt(p + 1))) {
            p++;
            while (p < src.length() && (Character.isDigit(src.charAt(p)) || src.charAt(p) == '_')) p++;
        }
        add(Token.Kind.NUMBER, src.substring(start, p).replace("_", ""), start, space, false);
        pos = p;
    }

    void identifier(boolean space) {
        int start = pos;
        int p = pos;
        while (p < src.length() && isIdentPart(src.charAt(p))) p++;
        if (p < src.length() && (src.charAt(p) == '?' || src.charAt(p) == '!')) {
            boolean followedByEq = p + 1 < src.length() && src.charAt(p + 1) == '=';
            boolean ternaryColon = src.charAt(p) == '?' && p + 1 < src.length() && src.charAt(p + 1) == ':';
            if (!followedByEq && !ternaryColon) p++;
        }
        String word = src.substring(start, p);
        pos = p;
        Token prev = last();
        boolean afterDot = prev != null && (prev.isOp(".") || prev.isOp("&.") || (prev.isKeyword("def")));
        if (p < src.length() && src.charAt(p) == ':' && !(p + 1 < src.length() && src.charAt(p + 1) == ':')
                && !afterDot && !(word.endsWith("?"))) {
            add(Token.Kind.LABEL, word, start, space, false);
            pos = p + 1;
            return;
        }
        if (!afterDot && KEYWORDS.contains(word)) {
            add(Token.Kind.KEYWORD, word, start, space, false);
            return;
        }
        add(Character.isUpperCase(word.charAt(0)) ? Token.Kind.CONST : Token.Kind.IDENT, word, start, space, false);
    }
}
