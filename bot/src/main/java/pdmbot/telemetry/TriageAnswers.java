package pdmbot.telemetry;

/**
 * Whether someone answered the triage of a failed run, for {@code pdm_run_failed_untriaged_seconds}: until the
 * triage feature plugs its answer in, no failed run counts as answered, so a failed run alerts until it is retried.
 */
@FunctionalInterface
public interface TriageAnswers {

    boolean answered(long runId);

    TriageAnswers NONE = runId -> false;
}
