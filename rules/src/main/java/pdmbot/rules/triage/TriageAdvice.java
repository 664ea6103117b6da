package pdmbot.rules.triage;

import java.util.Comparator;
import java.util.List;

/** Everything {@code triage.drl} concluded for one failed migration, with the suggestion to show. */
public record TriageAdvice(FailedMigration failure, List<RetryAdvice> retry, List<DeployAdvice> deploys) {

    public TriageAdvice {
        retry = List.copyOf(retry);
        deploys = List.copyOf(deploys);
    }

    /** The most cautious retry conclusion; "don't know" when no rule knew this nature and error. */
    public RetryAdvice suggestion() {
        return retry.stream().max(Comparator.comparing(RetryAdvice::safety).thenComparing(RetryAdvice::rule))
                .orElse(new RetryAdvice(RetrySafety.DONT_KNOW, "ask the author and the database reviewer before a retry",
                        "no triage rule covers " + failure.error().words() + " on a " + failure.nature() + " migration",
                        "no rule"));
    }

    /** Whether to block deploys: yes when any rule says so. */
    public boolean shouldBlockDeploys() {
        return deploys.stream().anyMatch(DeployAdvice::block);
    }

    /** The deploy advice to show: the blocking one when there is one. */
    public DeployAdvice deployAdvice() {
        return deploys.stream().filter(DeployAdvice::block).findFirst()
                .or(() -> deploys.stream().findFirst())
                .orElse(new DeployAdvice(false, "no rule asks to block deploys for a " + failure.nature() + " migration", "no rule"));
    }
}
