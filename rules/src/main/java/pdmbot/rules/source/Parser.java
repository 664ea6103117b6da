package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small recursive-descent parser for the Ruby subset migrations use. It never throws: what it
 * cannot read becomes a {@link ParseProblem} and the token is skipped, so every loop advances.
 * This layer reads statements and the constructs with a body (class, module, def, if, loops, case);
 * expressions, calls and primaries are the layers below ({@link TokenCursor}).
 */
final class Parser extends PrimaryParser {

    private static final Set<String> MODIFIERS = Set.of("if", "unless", "while", "until", "rescue");
    private static final Set<String> CLAUSES = Set.of("else", "elsif", "rescue", "ensure", "when", "then", "in");
    private static final Set<String> ELSE_CLAUSES = Set.of("elsif", "else");
    private static final Set<String> CASE_CLAUSES = Set.of("when", "else", "in");

    Parser(List<Token> tokens, List<ParseProblem> problems) {
        super(tokens, problems);
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

    /** Statements up to a terminator keyword (not consumed) or '}' when {@code brace}. */
    @Override
    List<Node> statements(Set<String> terminators, boolean brace) {
        List<Node> body = new ArrayList<>();
        while (true) {
            skipNewlines();
            Token c = cur();
            if (c.kind() == Token.Kind.EOF) break;
            if (c.kind() == Token.Kind.KEYWORD && (terminators.contains(c.text()) || c.text().equals("end"))) break;
            if (brace && c.isOp("}")) break;
            if (c.isOp(")") || c.isOp("]") || c.isOp("}")) break;
            if (c.kind() == Token.Kind.KEYWORD && CLAUSES.contains(c.text())) break;
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

    Node statement() {
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

    String constPath() {
        StringBuilder sb = new StringBuilder();
        if (atOp("::")) next();
        while (at(Token.Kind.CONST) || at(Token.Kind.IDENT)) {
            sb.append(next().text());
            if (atOp("::")) { next(); sb.append("::"); } else break;
        }
        return sb.toString();
    }

    @Override
    Node classDef() {
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

    @Override
    Node moduleDef() {
        Token c = next();
        String name = constPath();
        List<Node> body = statements(Set.of(), false);
        expectEnd("module " + name, c.line());
        return new Node.ModuleDef(name, body, c.line());
    }

    @Override
    Node def() {
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

    @Override
    Node ifExpression() {
        Token c = next();
        Node cond = conditionExpression();
        if (atKw("then")) next();
        List<Node> then = statements(ELSE_CLAUSES, false);
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
    Node ifExpressionFrom() {
        Token c = next();
        Node cond = conditionExpression();
        if (atKw("then")) next();
        List<Node> then = statements(ELSE_CLAUSES, false);
        List<Node> otherwise = new ArrayList<>();
        if (atKw("elsif")) {
            otherwise.add(ifExpressionFrom());
            return new Node.If(cond, false, then, otherwise, c.line());
        }
        if (atKw("else")) { next(); otherwise.addAll(statements(Set.of(), false)); }
        expectEnd("if", c.line());
        return new Node.If(cond, false, then, otherwise, c.line());
    }

    Node conditionExpression() {
        boolean saved = noDo;
        noDo = true;
        Node cond = notExpression();
        noDo = saved;
        return cond;
    }

    @Override
    Node loop() {
        Token c = next();
        Node cond = conditionExpression();
        if (atKw("do")) next();
        List<Node> body = statements(Set.of(), false);
        expectEnd(c.text(), c.line());
        return new Node.If(cond, c.text().equals("until"), body, List.of(), c.line());
    }

    @Override
    Node forLoop() {
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

    @Override
    Node caseExpression() {
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
            parts.add(new Node.Seq(statements(CASE_CLAUSES, false), c.line()));
        }
        if (atKw("else")) { next(); parts.add(new Node.Seq(statements(Set.of(), false), c.line())); }
        expectEnd("case", c.line());
        return new Node.Other("case", parts, c.line());
    }
}
