package pdmbot.rules.classify;

/** Why a file has a nature: the rule that concluded it, the source line that triggered it, and a detail. */
public record Reason(String rule, Nature nature, int line, String detail) implements Conclusion {
    public Reason {
        if (rule == null || rule.isBlank()) throw new IllegalArgumentException("a reason names its rule");
        if (nature == null) throw new IllegalArgumentException("a reason names its nature");
        detail = detail == null ? "" : detail;
    }
}
