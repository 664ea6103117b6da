package pdmbot.rules.source;

import java.util.Set;

/** Environment guards in conditions: {@code Gitlab.com?}, {@code Gitlab.dev_or_test_env?}… */
final class Guards {

    private static final Set<String> GUARDS = Set.of("com?", "ee?", "jh?", "dev_or_test_env?", "dev_env_or_com?",
            "com_except_jh?", "dev_env_org_or_com?", "staging?", "org_or_com?", "saas?", "self_managed?");

    private Guards() {
    }

    /** The text of the environment guard in a condition ({@code Gitlab.com?}), or null. */
    static String in(Node cond) {
        if (cond == null) return null;
        if (cond instanceof Node.Call c) {
            String recv = Render.text(c.receiver());
            if (GUARDS.contains(c.name()) && recv.startsWith("Gitlab")) return recv + "." + c.name();
            return c.receiver() == null ? null : in(c.receiver());
        }
        if (cond instanceof Node.Other o) {
            for (Node p : o.parts()) {
                String g = in(p);
                if (g != null) return o.what().equals("!") || o.what().equals("not") ? "not " + g : g;
            }
        }
        if (cond instanceof Node.Seq s) for (Node p : s.body()) { String g = in(p); if (g != null) return g; }
        return null;
    }
}
