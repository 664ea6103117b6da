package pdmbot.run;

import java.util.Arrays;

/**
 * What a run step does. Every switch over it is a switch expression without a default, so a new kind that a
 * place does not handle is a compile error there, not a failure at run time.
 */
public enum StepKind {
    LOCK, ANNOUNCE_START, MIGRATIONS, QA, UNLOCK, RELEASE_NOTE, ANNOUNCE_END;

    /** As stored in {@code run_steps.kind}. */
    public String id() {
        return name().toLowerCase();
    }

    /** Whether the step acts on one environment (and so needs the run's target). */
    public boolean hasTarget() {
        return switch (this) {
            case MIGRATIONS, QA -> true;
            case LOCK, ANNOUNCE_START, UNLOCK, RELEASE_NOTE, ANNOUNCE_END -> false;
        };
    }

    static StepKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalStateException("a stored run step has the unknown kind \"" + id + "\"; expected one of "
                        + Arrays.stream(values()).map(StepKind::id).toList()));
    }
}
