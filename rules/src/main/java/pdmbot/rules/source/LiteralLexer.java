package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexer's position in the source, the tokens read so far, and the literals with their own rules: quoted
 * strings with interpolation, heredocs read from the lines below the one that opens them, and % literals.
 * {@link Lexer} reads everything else.
 */
abstract class LiteralLexer {

    final String src;
    private final int[] lineStarts;
    final List<Token> tokens = new ArrayList<>();
    final List<ParseProblem> problems;
    int pos;
    /** Where the next line's code starts when heredocs opened on this line took the lines below it. */
    int pendingBodyStart = -1;
    int parenDepth;

    LiteralLexer(String src, List<ParseProblem> problems) {
        this.src = src;
        this.problems = problems;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < src.length(); i++) if (src.charAt(i) == '\n') starts.add(i + 1);
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineOf(int offset) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return lo + 1;
    }

    void add(Token.Kind kind, String text, int at, boolean space, boolean interpolated) {
        tokens.add(new Token(kind, text, lineOf(at), space, interpolated));
    }

    Token last() {
        for (int i = tokens.size() - 1; i >= 0; i--) return tokens.get(i);
        return null;
    }

    /** Whether the previous token ends a value, so that what follows is an operator rather than a literal. */
    boolean afterValue() {
        Token t = last();
        if (t == null) return false;
        return switch (t.kind()) {
            case IDENT, CONST, IVAR, SYMBOL, STRING, WORDS, NUMBER -> true;
            case KEYWORD -> t.text().equals("end") || t.text().equals("self") || t.text().equals("nil")
                    || t.text().equals("true") || t.text().equals("false");
            case OP -> t.text().equals(")") || t.text().equals("]") || t.text().equals("}");
            default -> false;
        };
    }

    void quoted(char open, char close, boolean interpolate, boolean space, int start) {
        boolean[] interp = new boolean[1];
        String s = readQuoted(open, close, interpolate, interp);
        if (pos < src.length() && src.charAt(pos) == ':' && !(pos + 1 < src.length() && src.charAt(pos + 1) == ':')
                && pos + 1 < src.length() && Character.isWhitespace(src.charAt(pos + 1))) {
            pos++;
            add(Token.Kind.LABEL, s, start, space, false);
            return;
        }
        add(Token.Kind.STRING, s, start, space, interp[0]);
    }

    String readQuoted(char open, char close, boolean interpolate) {
        return readQuoted(open, close, interpolate, new boolean[1]);
    }

    /** Reads up to the closing delimiter; nests bracket pairs and #{...}; stops at end of input. */
    String readQuoted(char open, char close, boolean interpolate, boolean[] interpolated) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        int startLine = lineOf(pos);
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (interpolate) sb.append(switch (n) { case 'n' -> '\n'; case 't' -> '\t'; default -> n; });
                else if (n == close || n == '\\' || n == open) sb.append(n);
                else sb.append(c).append(n);
                pos += 2;
                continue;
            }
            if (interpolate && c == '#' && pos + 1 < src.length() && src.charAt(pos + 1) == '{') {
                interpolated[0] = true;
                int end = skipInterpolation(pos + 2);
                sb.append(src, pos, end);
                pos = end;
                continue;
            }
            if (c == open && open != close) depth++;
            else if (c == close) {
                if (depth == 0) { pos++; return sb.toString(); }
                depth--;
            }
            sb.append(c);
            pos++;
        }
        problems.add(new ParseProblem(startLine, "string never closed"));
        return sb.toString();
    }

    int skipInterpolation(int p) {
        int depth = 1;
        while (p < src.length() && depth > 0) {
            char c = src.charAt(p);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == '"' || c == '\'') {
                int q = p + 1;
                while (q < src.length() && src.charAt(q) != c && src.charAt(q) != '\n') q += src.charAt(q) == '\\' ? 2 : 1;
                p = Math.min(q, src.length() - 1);
            }
            p++;
        }
        return Math.min(p, src.length());
    }

    /** {@code <<~SQL}, {@code <<-SQL}, {@code <<SQL}, quoted ids; several on one line read in order. */
    boolean heredoc(boolean space) {
        int p = pos + 2;
        if (p >= src.length()) return false;
        char flag = src.charAt(p);
        boolean squiggly = flag == '~', dash = flag == '-';
        if (squiggly || dash) p++;
        if (p >= src.length()) return false;
        char q = src.charAt(p);
        boolean quotedId = q == '\'' || q == '"' || q == '`';
        if (quotedId) p++;
        int idStart = p;
        while (p < src.length() && isIdentPart(src.charAt(p))) p++;
        if (p == idStart) return false;
        String id = src.substring(idStart, p);
        if (quotedId) {
            if (p >= src.length() || src.charAt(p) != q) return false;
            p++;
        }
        if (!squiggly && !dash && !quotedId) {
            boolean upper = id.equals(id.toUpperCase()) && Character.isLetter(id.charAt(0));
            if (!upper) return false;
            if (afterValue() && !(last().kind() == Token.Kind.IDENT && space)) return false;
        }
        int start = pos;
        pos = p;
        int body = pendingBodyStart >= 0 ? pendingBodyStart : nextLineStart(pos);
        StringBuilder sb = new StringBuilder();
        int b = body;
        boolean closed = false;
        while (b < src.length()) {
            int nl = src.indexOf('\n', b);
            int end = nl < 0 ? src.length() : nl;
            String line = src.substring(b, end);
            String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if ((squiggly || dash ? stripped.trim() : stripped).equals(id)) {
                b = nl < 0 ? src.length() : nl + 1;
                closed = true;
                break;
            }
            sb.append(stripped).append('\n');
            b = nl < 0 ? src.length() : nl + 1;
        }
        if (!closed) problems.add(new ParseProblem(lineOf(start), "heredoc " + id + " never terminated"));
        pendingBodyStart = b;
        String text = sb.toString();
        add(Token.Kind.STRING, squiggly ? dedent(text) : text, start, space, text.contains("#{"));
        return true;
    }

    int nextLineStart(int p) {
        int nl = src.indexOf('\n', p);
        return nl < 0 ? src.length() : nl + 1;
    }

    static String dedent(String text) {
        int min = Integer.MAX_VALUE;
        for (String l : text.split("\n", -1)) {
            if (l.isBlank()) continue;
            int i = 0;
            while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) i++;
            min = Math.min(min, i);
        }
        if (min == Integer.MAX_VALUE || min == 0) return text;
        StringBuilder sb = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(l.length() >= min ? l.substring(min) : l.stripLeading());
        }
        return sb.toString();
    }

    /** {@code %w[a b]}, {@code %i(a b)}, {@code %q(...)}, {@code %Q{...}}, {@code %(...)}. */
    boolean percentLiteral(boolean space) {
        int p = pos + 1;
        if (p >= src.length()) return false;
        char t = src.charAt(p);
        char type = 'Q';
        if ("wWiIqQrs".indexOf(t) >= 0) { type = t; p++; }
        else if (afterValue()) return false;
        if (p >= src.length()) return false;
        char open = src.charAt(p);
        if (Character.isLetterOrDigit(open) || Character.isWhitespace(open)) return false;
        if (type == 'Q' && t != 'Q' && afterValue() && !space) return false;
        char close = switch (open) { case '(' -> ')'; case '[' -> ']'; case '{' -> '}'; case '<' -> '>'; default -> open; };
        int start = pos;
        pos = p + 1;
        boolean interp = type == 'W' || type == 'I' || type == 'Q' || type == 'r';
        String s = readQuoted(open, close, interp);
        if (type == 'w' || type == 'W' || type == 'i' || type == 'I') add(Token.Kind.WORDS, s.trim(), start, space, false);
        else if (type == 's') add(Token.Kind.SYMBOL, s, start, space, false);
        else add(Token.Kind.STRING, s, start, space, false);
        return true;
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127 && Character.isLetterOrDigit(c);
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
