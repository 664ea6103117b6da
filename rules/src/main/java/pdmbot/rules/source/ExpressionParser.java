package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expressions by precedence: not/and/or, assignment, the ternary, binary and unary operators. */
abstract class ExpressionParser extends TokenCursor {

    private static final Map<String, Integer> BINARY = Map.ofEntries(
            Map.entry("..", 1), Map.entry("...", 1), Map.entry("||", 2), Map.entry("&&", 3),
            Map.entry("==", 5), Map.entry("!=", 5), Map.entry("=~", 5), Map.entry("!~", 5), Map.entry("===", 5),
            Map.entry("<=>", 5), Map.entry("<", 6), Map.entry(">", 6), Map.entry("<=", 6), Map.entry(">=", 6),
            Map.entry("|", 7), Map.entry("^", 7), Map.entry("&", 8), Map.entry("<<", 9), Map.entry(">>", 9),
            Map.entry("+", 10), Map.entry("-", 10), Map.entry("*", 11), Map.entry("/", 11), Map.entry("%", 11),
            Map.entry("**", 12));
    private static final Set<String> ASSIGN = Set.of("=", "+=", "-=", "*=", "/=", "%=", "||=", "&&=", "|=", "&=",
            "<<=", ">>=", "**=", "^=");
    private static final Set<String> UNARY = Set.of("!", "-", "+", "*", "**", "&", "~", "..", "...");

    ExpressionParser(List<Token> tokens, List<ParseProblem> problems) {
        super(tokens, problems);
    }

    /** A literal, a name, a call without receiver or a keyword construct ({@link PrimaryParser}). */
    abstract Node primary();

    /** What follows a value: {@code .call}, {@code ::Name}, {@code [index]} ({@link CallParser}). */
    abstract Node postfix(Node node);

    /** Lowest precedence: not / and / or. */
    Node notExpression() {
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

    Node expression() {
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

    static boolean isAssignableList(Node n) {
        return n instanceof Node.Ref || (n instanceof Node.Call c && c.args().isEmpty() && c.block() == null && c.receiver() == null);
    }

    Node statementValue() {
        Node v = expression();
        if (v != null && atKw("rescue")) {
            next();
            Node r = expression();
            return new Node.Seq(r == null ? List.of(v) : List.of(v, r), v.line());
        }
        return v;
    }

    Node ternary() {
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

    Node binary(int min) {
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

    Node unary() {
        Token c = cur();
        if (c.kind() == Token.Kind.OP && UNARY.contains(c.text())) {
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
}
