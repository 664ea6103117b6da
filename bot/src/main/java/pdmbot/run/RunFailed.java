package pdmbot.run;

import java.util.Optional;

/**
 * A run stopped at a failing step: the hook for the triage dialogue. {@code migrationVersion} is the failing
 * post-deploy migration when the world could tell; {@code jobUrl} is empty without a link.
 */
public record RunFailed(long runId, RunStep step, int attempt, String summary, Optional<String> migrationVersion,
                        String error, String jobUrl) {
}
