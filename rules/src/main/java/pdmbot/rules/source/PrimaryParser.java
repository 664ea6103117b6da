package pdmbot.rules.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Primaries: literals, names, parenthesised code, array and hash literals, lambdas and keyword constructs. */
abstract class PrimaryParser extends CallParser {

    PrimaryParser(List<Token> tokens, List<ParseProblem> problems) {
        super(tokens, problems);
    }

    // The constructs with a body, in Parser.
    abstract Node classDef();

    abstract Node moduleDef();

    abstract Node def();

    abstract Node ifExpression();

    abstract Node loop();

    abstract Node forLoop();

    abstract Node caseExpression();

    @Override
    Node primary() {
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

    Node opPrimary(Token c) {
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

    Node keyword(Token c) {
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
}
