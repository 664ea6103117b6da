package pdmbot.rules.source;

import java.util.List;

/** The syntax tree of the Ruby subset migrations use; unknown constructs become {@link Other}. */
sealed interface Node {

    int line();

    /** A string, symbol, number, word list, true/false/nil; {@code dynamic} when it interpolates. */
    record Lit(String kind, String value, boolean dynamic, int line) implements Node {}

    /** A constant path ({@code Gitlab::Database}), a local variable, an instance variable or {@code self}. */
    record Ref(String name, int line) implements Node {}

    /** A method call; receiver may be null; block may be null. */
    record Call(Node receiver, String name, List<Node> args, Block block, int line) implements Node {}

    record Block(List<String> params, List<Node> body, int line) {}

    record Pair(Node key, Node value) {}

    record Hash(List<Pair> pairs, int line) implements Node {}

    record Array(List<Node> items, int line) implements Node {}

    record ClassDef(String name, Node superclass, List<Node> body, int line, int endLine) implements Node {}

    record ModuleDef(String name, List<Node> body, int line) implements Node {}

    record Def(String name, boolean singleton, List<Node> body, int line) implements Node {}

    /** if / unless / ternary / while: {@code negated} for unless and until. */
    record If(Node condition, boolean negated, List<Node> then, List<Node> otherwise, int line) implements Node {}

    record Assign(Node target, String op, Node value, int line) implements Node {}

    /** A sequence of statements (begin/rescue/ensure bodies, parenthesised statements). */
    record Seq(List<Node> body, int line) implements Node {}

    /** Anything else (operators, return, yield…), with its parts kept so calls inside still count. */
    record Other(String what, List<Node> parts, int line) implements Node {}
}
