package pdmbot.rules.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per rule of triage.drl, each with its reasons; and the error classes read from real error lines. */
class TriageAdvisorTest {

    private static TriageAdvisor advisor;

    @BeforeAll
    static void compile() {
        advisor = TriageAdvisor.builtIn();
    }

    private static TriageAdvice advise(String nature, ErrorClass error) {
        return advisor.advise(new FailedMigration("20231107025611", nature, error));
    }

    private static RetryAdvice onlyRetry(TriageAdvice advice) {
        assertThat(advice.retry()).hasSize(1);
        return advice.retry().get(0);
    }

    @Test
    void a_statement_timeout_on_a_concurrent_index_is_safe_after_dropping_the_invalid_index() {
        RetryAdvice r = onlyRetry(advise("large_index_or_fk", ErrorClass.STATEMENT_TIMEOUT));

        assertThat(r.safety()).isEqualTo(RetrySafety.SAFE_AFTER_CLEANUP);
        assertThat(r.advice()).contains("DROP INDEX CONCURRENTLY IF EXISTS");
        assertThat(r.reason()).contains("INVALID");
        assertThat(r.rule()).isEqualTo("a statement timeout on a concurrent index is safe to retry after dropping the invalid index");
    }

    @Test
    void a_statement_timeout_on_schema_cleanup_is_safe_because_its_transaction_rolled_back() {
        RetryAdvice r = onlyRetry(advise("ddl_cleanup", ErrorClass.STATEMENT_TIMEOUT));

        assertThat(r.safety()).isEqualTo(RetrySafety.SAFE);
        assertThat(r.reason()).contains("rolled back");
        assertThat(r.rule()).isEqualTo("a statement timeout on schema cleanup is safe to retry");
    }

    @Test
    void a_statement_timeout_on_an_inline_data_change_is_not_safe_until_checked() {
        TriageAdvice advice = advise("dml_inline", ErrorClass.STATEMENT_TIMEOUT);

        assertThat(advice.suggestion().safety()).isEqualTo(RetrySafety.NOT_UNTIL_CHECKED);
        assertThat(advice.suggestion().reason()).contains("batch by batch");
        assertThat(advice.suggestion().rule()).isEqualTo("a statement timeout on an inline data change is not safe until checked");
    }

    @Test
    void a_statement_timeout_while_finalizing_is_not_safe_until_the_background_migration_is_looked_at() {
        RetryAdvice r = onlyRetry(advise("finalize_background", ErrorClass.STATEMENT_TIMEOUT));

        assertThat(r.safety()).isEqualTo(RetrySafety.NOT_UNTIL_CHECKED);
        assertThat(r.advice()).contains("batched_background_migrations");
        assertThat(r.rule()).isEqualTo("a statement timeout while finalizing a background migration is not safe until checked");
    }

    @Test
    void a_lock_timeout_on_schema_work_is_safe_at_a_quieter_time() {
        RetryAdvice r = onlyRetry(advise("ddl_cleanup", ErrorClass.LOCK_TIMEOUT));

        assertThat(r.safety()).isEqualTo(RetrySafety.SAFE);
        assertThat(r.reason()).contains("never got its lock");
        assertThat(r.rule()).isEqualTo("a lock timeout is safe to retry at a quieter time");
    }

    @Test
    void a_deadlock_on_schema_work_is_safe_to_retry_once() {
        RetryAdvice r = onlyRetry(advise("large_index_or_fk", ErrorClass.DEADLOCK));

        assertThat(r.safety()).isEqualTo(RetrySafety.SAFE);
        assertThat(r.advice()).contains("retry once");
        assertThat(r.rule()).isEqualTo("a deadlock on schema work is safe to retry");
    }

    @Test
    void a_deadlock_or_lock_timeout_in_a_data_change_is_not_safe_until_checked() {
        RetryAdvice deadlock = onlyRetry(advise("dml_inline", ErrorClass.DEADLOCK));
        RetryAdvice lock = onlyRetry(advise("finalize_background", ErrorClass.LOCK_TIMEOUT));

        assertThat(deadlock.safety()).isEqualTo(RetrySafety.NOT_UNTIL_CHECKED);
        assertThat(deadlock.reason()).contains("committed part of its work");
        assertThat(lock.rule()).isEqualTo(deadlock.rule()).isEqualTo("an error in a data change is not safe to retry until checked");
    }

    @Test
    void in_failed_sql_transaction_sends_the_triager_to_the_earlier_error() {
        RetryAdvice r = onlyRetry(advise("ddl_cleanup", ErrorClass.IN_FAILED_SQL_TRANSACTION));

        assertThat(r.safety()).isEqualTo(RetrySafety.NOT_UNTIL_CHECKED);
        assertThat(r.advice()).contains("first error");
        assertThat(r.rule()).isEqualTo("InFailedSqlTransaction hides an earlier error: not safe until it is found");
    }

    @Test
    void a_failed_advisory_lock_release_asks_to_look_at_schema_migrations_first() {
        RetryAdvice r = onlyRetry(advise("large_index_or_fk", ErrorClass.ADVISORY_LOCK_RELEASE));

        assertThat(r.safety()).isEqualTo(RetrySafety.NOT_UNTIL_CHECKED);
        assertThat(r.advice()).contains("schema_migrations");
        assertThat(r.reason()).contains("after the work");
        assertThat(r.rule()).isEqualTo("a failed advisory-lock release: check whether the migration ran before anything else");
    }

    @Test
    void a_migration_that_only_schedules_work_is_safe_to_retry() {
        RetryAdvice r = onlyRetry(advise("sidekiq_only", ErrorClass.STATEMENT_TIMEOUT));

        assertThat(r.safety()).isEqualTo(RetrySafety.SAFE);
        assertThat(r.reason()).contains("only enqueues");
        assertThat(r.rule()).isEqualTo("a migration that only schedules background work is safe to retry");
    }

    @Test
    void an_error_no_rule_knows_is_a_dont_know_that_says_why() {
        TriageAdvice advice = advise("ddl_cleanup", ErrorClass.OTHER);

        assertThat(advice.retry()).isEmpty();
        assertThat(advice.suggestion().safety()).isEqualTo(RetrySafety.DONT_KNOW);
        assertThat(advice.suggestion().reason()).isEqualTo("no triage rule covers another error on a ddl_cleanup migration");
    }

    @Test
    void an_inline_data_change_blocks_deploys() {
        TriageAdvice advice = advise("dml_inline", ErrorClass.STATEMENT_TIMEOUT);

        assertThat(advice.shouldBlockDeploys()).isTrue();
        assertThat(advice.deployAdvice().reason()).contains("rely on the data change");
        assertThat(advice.deployAdvice().rule()).isEqualTo("an inline data change blocks deploys until triaged");
    }

    @Test
    void an_unknown_migration_blocks_deploys_until_understood() {
        TriageAdvice advice = advise("unknown", ErrorClass.OTHER);

        assertThat(advice.shouldBlockDeploys()).isTrue();
        assertThat(advice.deployAdvice().rule()).isEqualTo("an unknown migration blocks deploys until understood");
    }

    @Test
    void a_failed_index_does_not_block_deploys() {
        TriageAdvice advice = advise("large_index_or_fk", ErrorClass.STATEMENT_TIMEOUT);

        assertThat(advice.shouldBlockDeploys()).isFalse();
        assertThat(advice.deployAdvice().reason()).contains("missing index is slower");
        assertThat(advice.deployAdvice().rule()).isEqualTo("a failed index, cleanup or scheduling migration does not block deploys");
    }

    @Test
    void error_classes_are_read_from_postgres_and_rails_error_lines() {
        // PostgreSQL's and the pg gem's texts, as a db:migrate job log shows them
        assertThat(ErrorClass.of("PG::QueryCanceled: ERROR:  canceling statement due to statement timeout")).isEqualTo(ErrorClass.STATEMENT_TIMEOUT);
        assertThat(ErrorClass.of("PG::LockNotAvailable: ERROR:  canceling statement due to lock timeout")).isEqualTo(ErrorClass.LOCK_TIMEOUT);
        assertThat(ErrorClass.of("PG::TRDeadlockDetected: ERROR:  deadlock detected")).isEqualTo(ErrorClass.DEADLOCK);
        assertThat(ErrorClass.of("PG::InFailedSqlTransaction: ERROR:  current transaction is aborted, commands ignored until end of transaction block"))
                .isEqualTo(ErrorClass.IN_FAILED_SQL_TRANSACTION);
        assertThat(ErrorClass.of("ActiveRecord::ConcurrentMigrationError: Failed to release an advisory lock")).isEqualTo(ErrorClass.ADVISORY_LOCK_RELEASE);
        assertThat(ErrorClass.of("NoMethodError: undefined method")).isEqualTo(ErrorClass.OTHER);
    }
}
