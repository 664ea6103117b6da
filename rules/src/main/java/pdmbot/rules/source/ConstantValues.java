package pdmbot.rules.source;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a node stands for once the file's constants, string concatenation, {@code format} and pass-through calls
 * ({@code .freeze}, {@code .squish}…) are followed: the text behind a table name, an option or a SQL string.
 */
final class ConstantValues {

    /** Deep enough for real migrations; a constant defined in terms of itself stops here. */
    static final int MAX_RESOLVE = 16;
    private static final Set<String> PASS_THROUGH = Set.of("freeze", "squish", "strip", "to_s", "to_sym", "dup", "chomp", "strip_heredoc");

    private final Map<String, Node> constants;

    /** Reads {@code constants} as it fills: the extractor adds each constant as it meets it. */
    ConstantValues(Map<String, Node> constants) {
        this.constants = constants;
    }

    Node resolve(Node n, int depth) {
        if (n == null || depth > MAX_RESOLVE) return n;
        if (n instanceof Node.Ref r && constants.containsKey(r.name())) return resolve(constants.get(r.name()), depth + 1);
        if (n instanceof Node.Ref r && r.name().contains("::")) {
            String last = r.name().substring(r.name().lastIndexOf("::") + 2);
            if (constants.containsKey(last)) return resolve(constants.get(last), depth + 1);
        }
        if (n instanceof Node.Call c && c.receiver() != null && PASS_THROUGH.contains(c.name())) return resolve(c.receiver(), depth + 1);
        if (n instanceof Node.Call c && c.receiver() == null && (c.name().equals("format") || c.name().equals("sprintf")) && !c.args().isEmpty()) {
            return resolve(c.args().get(0), depth + 1);
        }
        if (n instanceof Node.Other o && o.what().equals("%") && !o.parts().isEmpty()) return resolve(o.parts().get(0), depth + 1);
        if (n instanceof Node.Other o && o.what().equals("+") && o.parts().size() == 2) {
            String a = stringOf(resolve(o.parts().get(0), depth + 1));
            String b = stringOf(resolve(o.parts().get(1), depth + 1));
            if (a != null && b != null) return new Node.Lit("string", a + b, true, o.line());
        }
        if (n instanceof Node.Seq s && s.body().size() == 1) return resolve(s.body().get(0), depth + 1);
        return n;
    }

    String stringOf(Node n) {
        Node r = resolve(n, 0);
        if (r instanceof Node.Lit l) return l.value();
        return null;
    }

    void collectNames(Node n, List<String> names) {
        if (n instanceof Node.Lit l) {
            if (l.kind().equals("words")) { for (String w : l.value().split("\\s+")) if (!w.isEmpty()) names.add(w); }
            else names.add(l.value());
        } else if (n instanceof Node.Array a) {
            for (Node item : a.items()) collectNames(resolve(item, 0), names);
        } else if (n instanceof Node.Ref r) {
            names.add(r.name());
        }
    }

    String option(Node.Call call, String key) {
        for (Node a : call.args()) {
            if (a instanceof Node.Hash h) {
                for (Node.Pair p : h.pairs()) if (key.equals(stringOf(p.key()))) return stringOf(p.value());
            }
        }
        return null;
    }
}
