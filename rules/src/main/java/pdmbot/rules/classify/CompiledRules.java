package pdmbot.rules.classify;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * One compiled set of classification rules, never changed after it is built: the KieBase, the rule names by file,
 * and a fingerprint of exactly the sources it was compiled from. A reload replaces the whole value, so a
 * classification and the fingerprint it is stored under always come from the same rules.
 */
public record CompiledRules(KieBase kieBase, Map<String, List<String>> rulesByFile, long buildMillis, String fingerprint) {

    public CompiledRules {
        if (kieBase == null) throw new IllegalArgumentException("kieBase is required");
        rulesByFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rulesByFile));
        if (fingerprint == null || fingerprint.isBlank()) throw new IllegalArgumentException("fingerprint is required");
    }

    /** How many rules (queries not counted). */
    public int ruleCount() {
        return rulesByFile.values().stream().mapToInt(List::size).sum();
    }
}
