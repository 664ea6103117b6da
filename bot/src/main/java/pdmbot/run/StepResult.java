package pdmbot.run;

import java.util.Optional;

/** How a step ended: done with an outcome line, or failed with what failed (expected failures, not exceptions). */
sealed interface StepResult permits StepResult.Done, StepResult.Failed {

    record Done(String outcome) implements StepResult {
    }

    record Failed(String summary, Optional<String> migrationVersion, String error, String jobUrl) implements StepResult {
        static Failed of(String summary) {
            return new Failed(summary, Optional.empty(), summary, "");
        }
    }
}
