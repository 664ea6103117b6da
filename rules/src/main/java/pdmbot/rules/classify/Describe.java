package pdmbot.rules.classify;

import pdmbot.rules.source.Call;
import pdmbot.rules.source.SqlStatement;

/** Pure helpers the rules call to word a reason's detail. */
public final class Describe {

    private Describe() {}

    public static String call(Call c) {
        StringBuilder sb = new StringBuilder();
        if (!c.receiver().isEmpty()) sb.append(c.receiver()).append('.');
        sb.append(c.method());
        if (!c.table().isEmpty()) sb.append(" on ").append(c.table());
        if (!c.names().isEmpty()) sb.append(" (").append(String.join(", ", c.names())).append(')');
        if (!c.option("name").isEmpty()) sb.append(" name ").append(c.option("name"));
        if (c.inBatch()) sb.append(" inside a batch loop");
        return withGuard(sb.toString(), c.guard());
    }

    public static String sql(SqlStatement s) {
        String text = "SQL " + s.verb() + (s.concurrently() ? " CONCURRENTLY" : "") + (s.target().isEmpty() ? "" : " " + s.target());
        return withGuard(text, s.guard());
    }

    public static String withGuard(String text, String guard) {
        return guard == null || guard.isEmpty() ? text : text + " (only when " + guard + ")";
    }
}
