package pdmbot.rules.triage;

/** What leaves {@code triage.drl} through its one query. */
public sealed interface TriageConclusion permits RetryAdvice, DeployAdvice {
}
