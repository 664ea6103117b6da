package pdmbot.rules.classify;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a post-deploy migration does, ordered by how constraining it is. {@link #precedence()} decides
 * the dominant nature: dml_inline (rows change now, always) ranks above finalize_background (runs only
 * the batches that are left, usually none on GitLab.com), then large_index_or_fk, ddl_cleanup,
 * unknown-with-a-named-reason, sidekiq_only, noop.
 */
public enum Nature {
    DML_INLINE("dml_inline", 70),
    FINALIZE_BACKGROUND("finalize_background", 60),
    LARGE_INDEX_OR_FK("large_index_or_fk", 50),
    DDL_CLEANUP("ddl_cleanup", 40),
    SIDEKIQ_ONLY("sidekiq_only", 30),
    UNKNOWN("unknown", 20),
    NOOP("noop", 10);

    private final String wireName;
    private final int precedence;

    Nature(String wireName, int precedence) {
        this.wireName = wireName;
        this.precedence = precedence;
    }

    /** The name used in chat, tsv and json: {@code sidekiq_only}… */
    public String wireName() {
        return wireName;
    }

    public int precedence() {
        return precedence;
    }

    /** Bean-style accessor so rule patterns can read {@code nature.precedence}. */
    public int getPrecedence() {
        return precedence;
    }

    public static Optional<Nature> byWireName(String text) {
        if (text == null) return Optional.empty();
        return Arrays.stream(values()).filter(n -> n.wireName.equals(text.trim())).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
