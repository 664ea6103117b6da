package pdmbot.rules.source;

import java.util.stream.Collectors;

/** Renders receivers and simple values back to short Ruby-like text, for facts and reasons. */
final class Render {

    private Render() {}

    static String text(Node n) {
        if (n == null) return "";
        if (n instanceof Node.Ref r) return r.name();
        if (n instanceof Node.Lit l) return l.kind().equals("symbol") ? ":" + l.value() : l.value();
        if (n instanceof Node.Call c) {
            String recv = c.receiver() == null ? "" : text(c.receiver()) + ".";
            return recv + c.name();
        }
        if (n instanceof Node.Other o && o.what().equals("[]") && !o.parts().isEmpty()) {
            return text(o.parts().get(0)) + "[" + o.parts().stream().skip(1).map(Render::text).collect(Collectors.joining(", ")) + "]";
        }
        if (n instanceof Node.Seq s && s.body().size() == 1) return text(s.body().get(0));
        return "…";
    }
}
