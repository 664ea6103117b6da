package pdmbot.triage;

import java.util.List;

/**
 * What a triage opens with, gathered once when it starts: the failed migration, where, the error and job, its
 * nature and reasons, where it came from (package, commit, merge request, author, database reviewer), the rollback
 * line, the locks, and the advice of {@code triage.drl}.
 */
record TriageFacts(String version, String className, String file, String environment, String databases, String error,
                   String errorClass, String jobUrl, String nature, List<String> natureReasons, String packageVersion,
                   String commit, String mergeRequest, String mergeRequestUrl, String author, String approvers,
                   String databaseReviewer, String rollbackLine, String locks, String retrySafety, String retryAdvice,
                   String retryReason, String retryRule, boolean blockDeploys, String blockReason, String blockRule) {

    TriageFacts {
        natureReasons = natureReasons == null ? List.of() : List.copyOf(natureReasons);
    }
}
