package pdmbot.world.demo;

import java.util.List;

/**
 * The ways real post-deploy migrations fail, as a {@code db:migrate} job log ends: rake's "An error has occurred,
 * this and all later migrations canceled" (activerecord/lib/active_record/migration.rb) followed by the pg gem's
 * exception and PostgreSQL's own message (src/backend/tcop/postgres.c, src/backend/storage/lmgr/deadlock.c,
 * src/backend/tcop/utility.c), or ActiveRecord's ConcurrentMigrationError for the advisory lock.
 */
public final class DemoErrors {

    public static final List<String> KINDS = List.of("statement-timeout", "lock-timeout", "deadlock", "in-failed-sql-transaction",
            "advisory-lock-release");

    private DemoErrors() {
    }

    /** The error line of a failed demo pipeline: what failed, then where (version, name, database). */
    public static String line(String kind, String version, String name, String database) {
        String error = exception(kind);
        String prefix = "advisory-lock-release".equals(kind) ? "rake aborted! " : "rake aborted! StandardError: An error has occurred,"
                + " this and all later migrations canceled: ";
        return prefix + error + " (" + version + " " + name + " on " + database + ")";
    }

    /** The exception a failed {@code db:migrate} of that kind logs after rake's "canceled" line (statement-timeout: null). */
    public static String exception(String kind) {
        return switch (kind == null ? "statement-timeout" : kind) {
            case "lock-timeout" -> "PG::LockNotAvailable: ERROR: canceling statement due to lock timeout";
            case "deadlock" -> "PG::TRDeadlockDetected: ERROR: deadlock detected DETAIL: Process 41230 waits for"
                    + " AccessExclusiveLock on relation 16744 of database 16401; blocked by process 40977.";
            case "in-failed-sql-transaction" -> "PG::InFailedSqlTransaction: ERROR: current transaction is aborted,"
                    + " commands ignored until end of transaction block";
            case "advisory-lock-release" -> "ActiveRecord::ConcurrentMigrationError: Failed to release advisory lock";
            default -> "PG::QueryCanceled: ERROR: canceling statement due to statement timeout";
        };
    }
}
