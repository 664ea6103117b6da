package pdmbot.rules.source;

/**
 * A fact about a migration worth reporting: {@code disable_ddl_transaction}, {@code restrict_gitlab_migration}
 * (value = schema), {@code milestone}, {@code enable_lock_retries}, {@code with_lock_retries},
 * {@code disable_statement_timeout}, {@code guard} (value = the condition).
 */
public record Declaration(String kind, String value, int line) {
    public static final String DDL_TRANSACTION_DISABLED = "disable_ddl_transaction";
    public static final String RESTRICT = "restrict_gitlab_migration";
    public static final String MILESTONE = "milestone";
    public static final String LOCK_RETRIES = "enable_lock_retries";
    public static final String WITH_LOCK_RETRIES = "with_lock_retries";
    public static final String STATEMENT_TIMEOUT_DISABLED = "disable_statement_timeout";
    public static final String GUARD = "guard";

    public Declaration {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("kind is required");
        value = value == null ? "" : value;
    }
}
