package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small recursive-descent parser for the Ruby subset migrations use. It never throws: what it
 * cannot read becomes a {@link ParseProblem} and the token is skipped, so every loop advances.
 */
final class Parser {

    private static final int MAX_DEPTH = 200;
    private static final Set<String> MODIFIERS = Set.of("if", "unless", "while", "until", "rescue");
    private static final Map<String, Integer> BINARY = Map.ofEntries(
            Map.entry("..", 1), Map.entry("...", 1), Map.entry("||", 2), Map.entry("&&", 3),
            Map.entry("==", 5), Map.entry("!=", 5), Map.entry("=~", 5), Map.entry("!~", 5), Map.entry("===", 5),
            Map.entry("<=>", 5), Map.entry("<", 6), Map.entry(">", 6), Map.entry("<=", 6), Map.entry(">=", 6),
            Map.entry("|", 7), Map.entry("^", 7), Map.entry("&", 8), Map.entry("<<", 9), Map.entry(">>", 9),
            Map.entry("+", 10), Map.entry("-", 10), Map.entry("*", 11), Map.entry("/", 11), Map.entry("%", 11),
            Map.entry("**", 12));
    private static final Set<String> ASSIGN = Set.of("=", "+=", "-=", "*=", "/=", "%=", "||=", "&&=", "|=", "&=",
            "<<=", ">>=", "**=", "^=");

    private final List<Token> t;
    private final List<ParseProblem> problems;
    private int i;
    private int depth;
    private boolean noDo;

    Parser(List<Token> tokens, List<ParseProblem> problems) {
        this.t = tokens;
        this.problems = problems;
    }

    List<Node> program() {
        List<Node> body = new ArrayList<>();
        while (!at(Token.Kind.EOF)) {
            body.addAll(statements(Set.of(), false));
            if (at(Token.Kind.EOF)) break;
            Token stray = cur();
            problems.add(new ParseProblem(stray.line(), "unexpected '" + stray.text() + "' (unbalanced block?)"));
            i++;
        }
        return body;
    }

    // ---- token helpers ----

    private Token cur() {
        return t.get(Math.min(i, t.size() - 1));
    }

    private Token peek(int n) {
        return t.get(Math.min(i + n, t.size() - 1));
    }

    private boolean at(Token.Kind k) {
        return cur().kind() == k;
    }

    private boolean atOp(String op) {
        return cur().isOp(op);
    }

    private boolean atKw(String kw) {
        return cur().isKeyword(kw);
    }

    private Token next() {
        Token tok = cur();
        if (i < t.size() - 1) i++;
        return tok;
    }

    private void skipNewlines() {
        while (at(Token.Kind.NEWLINE) || atOp(";")) next();
    }

    private void expectEnd(String what, int line) {
        skipNewlines();
        if (atKw("end")) { next(); return; }
        problems.add(new ParseProblem(line, "'" + what + "' opened here has no matching 'end'"));
    }

    private boolean tooDeep() {
        if (depth <= MAX_DEPTH) return false;
        problems.add(new ParseProblem(cur().line(), "nesting deeper than " + MAX_DEPTH + " levels; rest skipped"));
        i = t.size() - 1;
        return true;
    }

    // ---- statements ----

    /** Statements up to a terminator keyword (not consumed) or '}' when {@code brace}. */
    private List<Node> statements(Set<String> terminators, boolean brace) {
        List<Node> body = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token c = cur();
            if (c.kind() == Token.Kind.EOF) break;
            if (c.kind() == Token.Kind.KEYWORD && (terminators.contains(c.text()) || c.text().equals("end"))) break;
            if (brace && c.isOp("}")) break;
            if (c.isOp(")") || c.isOp("]") || c.isOp("}")) break;
            if (c.kind() == Token.Kind.KEYWORD && Set.of("else", "elsif", "rescue", "ensure", "when", "then", "in").contains(c.text())) break;
            int before = i;
            Node n = statement();
            if (n != null) body.add(n);
            if (i == before) {
                problems.add(new ParseProblem(c.line(), "cannot read '" + c.text() + "'"));
                next();
            }
        }
        return body;
    }

    private Node statement() {
        depth++;
        try {
            if (tooDeep()) return null;
            Node e = notExpression();
            while (e != null && cur().kind() == Token.Kind.KEYWORD && MODIFIERS.contains(cur().text())) {
                Token m = next();
                Node cond = notExpression();
                e = m.text().equals("rescue")
                        ? new Node.Seq(cond == null ? List.of(e) : List.of(e, cond), m.line())
                        : new Node.If(cond, m.text().equals("unless") || m.text().equals("until"), List.of(e), List.of(), m.line());
            }
            return e;
        } finally {
            depth--;
        }
    }

    /** Lowest precedence: not / and / or. */
    private Node notExpression() {
        Node left;
        if (atKw("not")) {
            Token n = next();
            Node operand = notExpression();
            left = new Node.Other("not", operand == null ? List.of() : List.of(operand), n.line());
        } else {
            left = expression();
        }
        while (left != null && (atKw("and") || atKw("or"))) {
            Token op = next();
            skipNewlines();
            Node right = notExpression();
            left = new Node.Other(op.text(), right == null ? List.of(left) : List.of(left, right), op.line());
        }
        return left;
    }

    private Node expression() {
        depth++;
        try {
            if (tooDeep()) return null;
            Node left = ternary();
            if (left != null && cur().kind() == Token.Kind.OP && ASSIGN.contains(cur().text())) {
                Token op = next();
                skipNewlines();
                Node value = statementValue();
                return new Node.Assign(left, op.text(), value, op.line());
            }
            if (left != null && atOp(",") && isAssignableList(left)) {
                // multiple assignment: a, b = x
                int save = i;
                List<Node> targets = new ArrayList<>(List.of(left));
                while (atOp(",")) { next(); Node n = ternary(); if (n == null) break; targets.add(n); }
                if (atOp("=")) {
                    Token op = next();
                    skipNewlines();
                    return new Node.Assign(new Node.Array(targets, left.line()), "=", statementValue(), op.line());
                }
                i = save;
            }
            return left;
        } finally {
            depth--;
        }
    }

    private static boolean isAssignableList(Node n) {
        return n instanceof Node.Ref || (n instanceof Node.Call c && c.args().isEmpty() && c.block() == null && c.receiver() == null);
    }

    private Node statementValue() {
        Node v = expression();
        if (v != null && atKw("rescue")) {
            next();
            Node r = expression();
            return new Node.Seq(r == null ? List.of(v) : List.of(v, r), v.line());
        }
        return v;
    }

    private Node ternary() {
        Node c = binary(0);
        if (c != null && atOp("?")) {
            Token q = next();
            skipNewlines();
            Node a = ternary();
            skipNewlines();
            Node b = null;
            if (atOp(":")) { next(); skipNewlines(); b = ternary(); }
            return new Node.If(c, false, a == null ? List.of() : List.of(a), b == null ? List.of() : List.of(b), q.line());
        }
        return c;
    }

    private Node binary(int min) {
        Node left = unary();
        while (left != null && cur().kind() == Token.Kind.OP) {
            Integer prec = BINARY.get(cur().text());
            if (prec == null || prec < min) break;
            Token op = next();
            skipNewlines();
            Node right = binary(prec + 1);
            left = new Node.Other(op.text(), right == null ? List.of(left) : List.of(left, right), op.line());
        }
        return left;
    }

    private Node unary() {
        Token c = cur();
        if (c.kind() == Token.Kind.OP && Set.of("!", "-", "+", "*", "**", "&", "~", "..", "...").contains(c.text())) {
            next();
            Node operand = unary();
            return new Node.Other(c.text(), operand == null ? List.of() : List.of(operand), c.line());
        }
        if (c.isKeyword("defined?")) {
            next();
            Node operand = unary();
            return new Node.Other("defined?", operand == null ? List.of() : List.of(operand), c.line());
        }
        Node p = primary();
        return p == null ? null : postfix(p);
    }

    private Node postfix(Node node) {
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

    private Node callWithArgs(Node receiver, String name, int line, boolean labelFollows) {
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
    private boolean canStartCommandArg() {
        Token c = cur();
        if (!c.spaceBefore()) return false;
        return switch (c.kind()) {
            case IDENT, CONST, IVAR, STRING, SYMBOL, WORDS, NUMBER, LABEL -> true;
            case KEYWORD -> Set.of("nil", "true", "false", "self", "not", "defined?", "def", "lambda", "super", "__method__", "if", "case").contains(c.text())
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

    private List<Node> commandArgs() {
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
    private List<Node> list(String close) {
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
    private static List<Node> foldLabels(List<Node> args) {
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
    private Node argument() {
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

    private Node noAssignValue() {
        Node v = expression();
        return v == null ? new Node.Lit("nil", "nil", false, cur().line()) : v;
    }

    private Node.Block block() {
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

    private List<String> blockParams() {
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

    private void skipNewlinesOnly() {
        while (at(Token.Kind.NEWLINE)) next();
    }

    private List<Node> bodyWithRescue() {
        List<Node> body = new ArrayList<>(statements(Set.of("rescue", "else", "ensure"), false));
        while (atKw("rescue") || atKw("else") || atKw("ensure")) {
            Token k = next();
            if (k.text().equals("rescue")) {
                while (!at(Token.Kind.NEWLINE) && !at(Token.Kind.EOF) && !atKw("then")) next();
            }
            List<Node> part = statements(Set.of("rescue", "else", "ensure"), false);
            body.add(new Node.Seq(part, k.line()));
        }
        return body;
    }

    // ---- primaries ----

    private Node primary() {
        Token c = cur();
        switch (c.kind()) {
            case NUMBER: next(); return new Node.Lit("number", c.text(), false, c.line());
            case STRING: {
                next();
                StringBuilder s = new StringBuilder(c.text());
                boolean dyn = c.interpolated();
                while (at(Token.Kind.STRING) && cur().spaceBefore()) { s.append(cur().text()); dyn |= cur().interpolated(); next(); }
                return new Node.Lit("string", s.toString(), dyn, c.line());
            }
            case SYMBOL: next(); return new Node.Lit("symbol", c.text(), false, c.line());
            case WORDS: next(); return new Node.Lit("words", c.text(), false, c.line());
            case LABEL: next(); return new Node.Lit("symbol", c.text(), false, c.line());
            case IVAR: next(); return new Node.Ref(c.text(), c.line());
            case CONST: {
                next();
                if (atOp("(") && !cur().spaceBefore()) return callWithArgs(null, c.text(), c.line(), false);
                return new Node.Ref(c.text(), c.line());
            }
            case IDENT: {
                next();
                return callWithArgs(null, c.text(), c.line(), false);
            }
            case KEYWORD: return keyword(c);
            case OP: return opPrimary(c);
            default: return null;
        }
    }

    private Node opPrimary(Token c) {
        switch (c.text()) {
            case "(": {
                next();
                boolean saved = noDo;
                noDo = false;
                List<Node> body = statements(Set.of(), false);
                noDo = saved;
                skipNewlines();
                if (atOp(")")) next(); else problems.add(new ParseProblem(c.line(), "'(' has no matching ')'"));
                return new Node.Seq(body, c.line());
            }
            case "[": {
                next();
                return new Node.Array(list("]"), c.line());
            }
            case "{": {
                next();
                List<Node> items = list("}");
                List<Node.Pair> pairs = new ArrayList<>();
                for (Node n : items) {
                    if (n instanceof Node.Hash h) pairs.addAll(h.pairs());
                    else pairs.add(new Node.Pair(n, new Node.Lit("nil", "nil", false, n.line())));
                }
                return new Node.Hash(pairs, c.line());
            }
            case "->": {
                next();
                if (atOp("(")) { next(); list(")"); }
                Node.Block b = block();
                return new Node.Call(null, "lambda", List.of(), b, c.line());
            }
            case "::": {
                next();
                if (at(Token.Kind.CONST)) { Token n = next(); return new Node.Ref(n.text(), n.line()); }
                return null;
            }
            default:
                return null;
        }
    }

    private Node keyword(Token c) {
        switch (c.text()) {
            case "nil": case "true": case "false": next(); return new Node.Lit(c.text(), c.text(), false, c.line());
            case "self": next(); return new Node.Ref("self", c.line());
            case "__method__": next(); return new Node.Ref("__method__", c.line());
            case "class": return classDef();
            case "module": return moduleDef();
            case "def": return def();
            case "if": case "unless": return ifExpression();
            case "while": case "until": return loop();
            case "for": return forLoop();
            case "case": return caseExpression();
            case "begin": {
                next();
                List<Node> body = bodyWithRescue();
                expectEnd("begin", c.line());
                return new Node.Seq(body, c.line());
            }
            case "return": case "break": case "next": case "yield": case "super": case "redo": case "retry": {
                next();
                List<Node> args = new ArrayList<>();
                if (atOp("(") && !cur().spaceBefore()) { next(); args = list(")"); }
                else if (canStartCommandArg()) args = commandArgs();
                if (c.text().equals("yield") || c.text().equals("super")) return new Node.Call(null, c.text(), args, block(), c.line());
                return new Node.Other(c.text(), args, c.line());
            }
            case "alias": case "undef": {
                next();
                while (!at(Token.Kind.NEWLINE) && !at(Token.Kind.EOF)) next();
                return new Node.Other(c.text(), List.of(), c.line());
            }
            default:
                return null;
        }
    }

    private String constPath() {
        StringBuilder sb = new StringBuilder();
        if (atOp("::")) next();
        while (at(Token.Kind.CONST) || at(Token.Kind.IDENT)) {
            sb.append(next().text());
            if (atOp("::")) { next(); sb.append("::"); } else break;
        }
        return sb.toString();
    }

    private Node classDef() {
        Token c = next();
        if (atOp("<<")) { // class << self
            next();
            expression();
            List<Node> body = statements(Set.of(), false);
            expectEnd("class << self", c.line());
            return new Node.Seq(body, c.line());
        }
        String name = constPath();
        Node superclass = null;
        if (atOp("<")) {
            next();
            boolean saved = noDo;
            noDo = true;
            superclass = ternary();
            noDo = saved;
        }
        if (name.isEmpty()) problems.add(new ParseProblem(c.line(), "class without a name"));
        List<Node> body = bodyWithRescue();
        int endLine = cur().line();
        expectEnd("class " + name, c.line());
        return new Node.ClassDef(name, superclass, body, c.line(), endLine);
    }

    private Node moduleDef() {
        Token c = next();
        String name = constPath();
        List<Node> body = statements(Set.of(), false);
        expectEnd("module " + name, c.line());
        return new Node.ModuleDef(name, body, c.line());
    }

    private Node def() {
        Token c = next();
        boolean singleton = false;
        Token n = next();
        String name = n.text();
        if ((n.isKeyword("self") || n.kind() == Token.Kind.CONST) && atOp(".")) {
            next();
            singleton = true;
            name = next().text();
        }
        if (atOp("=") && !cur().spaceBefore()) { next(); name += "="; }
        if (atOp("(")) {
            int depthParen = 0;
            while (!at(Token.Kind.EOF)) {
                Token p = next();
                if (p.isOp("(")) depthParen++;
                else if (p.isOp(")") && --depthParen == 0) break;
            }
        } else {
            while (!at(Token.Kind.NEWLINE) && !at(Token.Kind.EOF) && !atOp(";") && !atOp("=")) next();
        }
        if (atOp("=")) { // endless def
            next();
            skipNewlines();
            Node body = statement();
            return new Node.Def(name, singleton, body == null ? List.of() : List.of(body), c.line());
        }
        List<Node> body = bodyWithRescue();
        expectEnd("def " + name, c.line());
        return new Node.Def(name, singleton, body, c.line());
    }

    private Node ifExpression() {
        Token c = next();
        Node cond = conditionExpression();
        if (atKw("then")) next();
        List<Node> then = statements(Set.of("elsif", "else"), false);
        List<Node> otherwise = new ArrayList<>();
        if (atKw("elsif")) {
            otherwise.add(ifExpressionFrom());
            return new Node.If(cond, c.text().equals("unless"), then, otherwise, c.line());
        }
        if (atKw("else")) { next(); otherwise.addAll(statements(Set.of(), false)); }
        expectEnd(c.text(), c.line());
        return new Node.If(cond, c.text().equals("unless"), then, otherwise, c.line());
    }

    /** An elsif chain shares the final 'end' of its if. */
    private Node ifExpressionFrom() {
        Token c = next();
        Node cond = conditionExpression();
        if (atKw("then")) next();
        List<Node> then = statements(Set.of("elsif", "else"), false);
        List<Node> otherwise = new ArrayList<>();
        if (atKw("elsif")) {
            otherwise.add(ifExpressionFrom());
            return new Node.If(cond, false, then, otherwise, c.line());
        }
        if (atKw("else")) { next(); otherwise.addAll(statements(Set.of(), false)); }
        expectEnd("if", c.line());
        return new Node.If(cond, false, then, otherwise, c.line());
    }

    private Node conditionExpression() {
        boolean saved = noDo;
        noDo = true;
        Node cond = notExpression();
        noDo = saved;
        return cond;
    }

    private Node loop() {
        Token c = next();
        Node cond = conditionExpression();
        if (atKw("do")) next();
        List<Node> body = statements(Set.of(), false);
        expectEnd(c.text(), c.line());
        return new Node.If(cond, c.text().equals("until"), body, List.of(), c.line());
    }

    private Node forLoop() {
        Token c = next();
        while (!atKw("in") && !at(Token.Kind.NEWLINE) && !at(Token.Kind.EOF)) next();
        if (atKw("in")) next();
        Node source = conditionExpression();
        if (atKw("do")) next();
        List<Node> body = statements(Set.of(), false);
        expectEnd("for", c.line());
        List<Node> parts = new ArrayList<>();
        if (source != null) parts.add(source);
        parts.add(new Node.Seq(body, c.line()));
        return new Node.Other("for", parts, c.line());
    }

    private Node caseExpression() {
        Token c = next();
        List<Node> parts = new ArrayList<>();
        if (!at(Token.Kind.NEWLINE)) { Node subject = notExpression(); if (subject != null) parts.add(subject); }
        skipNewlines();
        while (atKw("when") || atKw("in")) {
            next();
            boolean saved = noDo;
            noDo = true;
            List<Node> values = new ArrayList<>();
            while (true) {
                int before = i;
                Node v = argument();
                if (v != null) values.add(v);
                if (atOp(",")) { next(); skipNewlines(); continue; }
                if (i == before) break;
                break;
            }
            noDo = saved;
            if (atKw("then")) next();
            parts.addAll(values);
            parts.add(new Node.Seq(statements(Set.of("when", "else", "in"), false), c.line()));
        }
        if (atKw("else")) { next(); parts.add(new Node.Seq(statements(Set.of(), false), c.line())); }
        expectEnd("case", c.line());
        return new Node.Other("case", parts, c.line());
    }
}
