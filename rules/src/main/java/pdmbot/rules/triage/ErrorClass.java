package pdmbot.rules.triage;

import java.util.Locale;

/**
 * What kind of PostgreSQL or Rails error stopped a post-deploy migration, read from the error line of its job log.
 * The texts are PostgreSQL's own messages (src/backend/tcop/postgres.c, "canceling statement due to statement
 * timeout" / "lock timeout"; src/backend/storage/lmgr/deadlock.c, "deadlock detected"), the pg gem's exception class
 * names (PG::QueryCanceled, PG::LockNotAvailable, PG::TRDeadlockDetected, PG::InFailedSqlTransaction) and
 * ActiveRecord's advisory-lock errors (activerecord/lib/active_record/migration.rb, ConcurrentMigrationError
 * "Failed to release an advisory lock").
 */
public enum ErrorClass {
    STATEMENT_TIMEOUT("statement timeout"),
    LOCK_TIMEOUT("lock timeout"),
    DEADLOCK("deadlock"),
    IN_FAILED_SQL_TRANSACTION("PG::InFailedSqlTransaction"),
    ADVISORY_LOCK_RELEASE("advisory-lock release"),
    OTHER("another error");

    private final String words;

    ErrorClass(String words) {
        this.words = words;
    }

    /** How a person says it: {@code statement timeout}. */
    public String words() {
        return words;
    }

    /** The id a user types ({@code statement-timeout}) and the demo's {@code --error} takes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<ErrorClass> byId(String id) {
        for (ErrorClass e : values()) if (e.id().equalsIgnoreCase(id)) return java.util.Optional.of(e);
        return java.util.Optional.empty();
    }

    /** Reads the class of an error from its text (an error line or a job log's tail); never null. */
    public static ErrorClass of(String error) {
        if (error == null) return OTHER;
        String e = error.toLowerCase(Locale.ROOT);
        // the transaction error names the earlier failure only as "commands ignored": look for it before the others
        if (e.contains("infailedsqltransaction") || e.contains("current transaction is aborted")) return IN_FAILED_SQL_TRANSACTION;
        if (e.contains("advisory lock")) return ADVISORY_LOCK_RELEASE;
        if (e.contains("deadlock detected") || e.contains("trdeadlockdetected")) return DEADLOCK;
        if (e.contains("due to lock timeout") || e.contains("locknotavailable")) return LOCK_TIMEOUT;
        if (e.contains("due to statement timeout")) return STATEMENT_TIMEOUT;
        return OTHER;
    }
}
