package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Method calls: receivers and chains, arguments with and without parentheses, hash arguments, blocks. */
abstract class CallParser extends ExpressionParser {

    private static final Set<String> COMMAND_ARG_KEYWORDS = Set.of("nil", "true", "false", "self", "not", "defined?", "def",
            "lambda", "super", "__method__", "if", "case");
    private static final Set<String> BODY_SECTIONS = Set.of("rescue", "else", "ensure");

    CallParser(List<Token> tokens, List<ParseProblem> problems) {
        super(tokens, problems);
    }

    /** Statements up to a terminator keyword (not consumed) or '}' when {@code brace} ({@link Parser}). */
    abstract List<Node> statements(Set<String> terminators, boolean brace);

    @Override
    Node postfix(Node node) {
        while (true) {
            Token c = cur();
            if (c.kind() == Token.Kind.NEWLINE) {
                int j = i;
                while (t.get(j).kind() == Token.Kind.NEWLINE && j < t.size() - 1) j++;
                if (t.get(j).isOp(".") || t.get(j).isOp("&.")) { i = j; continue; }
                return node;
            }
            if (c.isOp(".") || c.isOp("&.")) {
                next();
                skipNewlines();
                Token name = next();
                String method = name.kind() == Token.Kind.OP && name.text().equals("(") ? "call" : name.text();
                if (name.isOp("(")) i--;
                if (name.kind() == Token.Kind.LABEL) { // a.b: c → treat as call b with hash arg
                    i--;
                    node = callWithArgs(node, method, name.line(), true);
                    continue;
                }
                node = callWithArgs(node, method, name.line(), false);
                continue;
            }
            if (c.isOp("::")) {
                next();
                Token name = next();
                if (name.kind() == Token.Kind.CONST && !(atOp("(") && !cur().spaceBefore())) {
                    node = new Node.Ref(Render.text(node) + "::" + name.text(), node.line());
                } else {
                    node = callWithArgs(node, name.text(), name.line(), false);
                }
                continue;
            }
            if (c.isOp("[") && !c.spaceBefore()) {
                next();
                List<Node> args = list("]");
                List<Node> parts = new ArrayList<>();
                parts.add(node);
                parts.addAll(args);
                node = new Node.Other("[]", parts, c.line());
                continue;
            }
            return node;
        }
    }

    Node callWithArgs(Node receiver, String name, int line, boolean labelFollows) {
        List<Node> args = new ArrayList<>();
        if (!labelFollows && atOp("(") && !cur().spaceBefore()) {
            next();
            boolean saved = noDo;
            noDo = false;
            args = list(")");
            noDo = saved;
        } else if (labelFollows || canStartCommandArg()) {
            args = commandArgs();
        }
        Node.Block block = block();
        return new Node.Call(receiver, name, args, block, line);
    }

    /** Whether the current token, after a bare method name, starts an argument of a paren-less call. */
    boolean canStartCommandArg() {
        Token c = cur();
        if (!c.spaceBefore()) return false;
        return switch (c.kind()) {
            case IDENT, CONST, IVAR, STRING, SYMBOL, WORDS, NUMBER, LABEL -> true;
            case KEYWORD -> COMMAND_ARG_KEYWORDS.contains(c.text())
                    && !c.text().equals("if");
            case OP -> {
                Token n = peek(1);
                boolean tight = !n.spaceBefore();
                yield switch (c.text()) {
                    case "->", "::" -> true;
                    case "[" -> true;
                    case "*", "&", "**", "-", "!", ":" -> tight;
                    default -> false;
                };
            }
            default -> false;
        };
    }

    List<Node> commandArgs() {
        List<Node> args = new ArrayList<>();
        boolean saved = noDo;
        noDo = true;
        try {
            while (true) {
                int before = i;
                Node a = argument();
                if (a == null || i == before) break;
                args.add(a);
                if (!atOp(",")) break;
                next();
                skipNewlines();
            }
        } finally {
            noDo = saved;
        }
        return foldLabels(args);
    }

    /** Comma-separated arguments or items up to {@code close}, newlines allowed. */
    List<Node> list(String close) {
        List<Node> items = new ArrayList<>();
        int line = cur().line();
        while (true) {
            skipNewlines();
            if (atOp(close)) { next(); break; }
            if (at(Token.Kind.EOF)) { problems.add(new ParseProblem(line, "'" + close + "' missing")); break; }
            int before = i;
            Node a = argument();
            if (a != null) items.add(a);
            skipNewlines();
            if (atOp(",")) { next(); continue; }
            if (atOp(close)) { next(); break; }
            if (i == before || a == null) {
                Token bad = cur();
                if (bad.isKeyword("end") || bad.isOp(")") || bad.isOp("]") || bad.isOp("}")) {
                    problems.add(new ParseProblem(line, "'" + close + "' missing before '" + bad.text() + "'"));
                    break;
                }
                problems.add(new ParseProblem(bad.line(), "unexpected '" + bad.text() + "' in argument list"));
                next();
            }
        }
        return foldLabels(items);
    }

    /** Collects trailing key: value pairs into one hash argument, as Ruby does. */
    static List<Node> foldLabels(List<Node> args) {
        List<Node> out = new ArrayList<>();
        List<Node.Pair> pairs = new ArrayList<>();
        int line = 0;
        for (Node a : args) {
            if (a instanceof Node.Hash h && h.line() < 0) {
                pairs.addAll(h.pairs());
                line = -h.line();
            } else {
                out.add(a);
            }
        }
        if (!pairs.isEmpty()) out.add(new Node.Hash(pairs, line));
        return out;
    }

    /** One argument: {@code key: value}, {@code key => value}, a splat or an expression. Bare pairs carry a negative line. */
    Node argument() {
        Token c = cur();
        if (c.kind() == Token.Kind.LABEL) {
            next();
            skipNewlines();
            Node v = noAssignValue();
            return new Node.Hash(List.of(new Node.Pair(new Node.Lit("symbol", c.text(), false, c.line()), v)), -c.line());
        }
        Node e = notExpression();
        if (e != null && atOp("=>")) {
            next();
            skipNewlines();
            Node v = noAssignValue();
            return new Node.Hash(List.of(new Node.Pair(e, v)), -e.line());
        }
        return e;
    }

    Node noAssignValue() {
        Node v = expression();
        return v == null ? new Node.Lit("nil", "nil", false, cur().line()) : v;
    }

    Node.Block block() {
        Token c = cur();
        if (c.isKeyword("do") && !noDo) {
            next();
            List<String> params = blockParams();
            boolean saved = noDo;
            noDo = false;
            List<Node> body = bodyWithRescue();
            noDo = saved;
            expectEnd("do", c.line());
            return new Node.Block(params, body, c.line());
        }
        if (c.isOp("{")) {
            next();
            List<String> params = blockParams();
            boolean saved = noDo;
            noDo = false;
            List<Node> body = statements(Set.of(), true);
            noDo = saved;
            if (atOp("}")) next();
            else problems.add(new ParseProblem(c.line(), "'{' block has no matching '}'"));
            return new Node.Block(params, body, c.line());
        }
        return null;
    }

    List<String> blockParams() {
        skipNewlinesOnly();
        List<String> params = new ArrayList<>();
        if (!atOp("|") && !atOp("||")) return params;
        if (atOp("||")) { next(); return params; }
        next();
        int guard = 0;
        while (!atOp("|") && !at(Token.Kind.EOF) && !at(Token.Kind.NEWLINE) && guard++ < 64) {
            Token p = next();
            if (p.kind() == Token.Kind.IDENT) params.add(p.text());
        }
        if (atOp("|")) next();
        return params;
    }

    List<Node> bodyWithRescue() {
        List<Node> body = new ArrayList<>(statements(BODY_SECTIONS, false));
        while (atKw("rescue") || atKw("else") || atKw("ensure")) {
            Token k = next();
            if (k.text().equals("rescue")) {
                while (!at(Token.Kind.NEWLINE) && !at(Token.Kind.EOF) && !atKw("then")) next();
            }
            List<Node> part = statements(BODY_SECTIONS, false);
            body.add(new Node.Seq(part, k.line()));
        }
        return body;
    }
}
