package pdmbot.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;

/** The steps of a PDM run, in order, as the release process has them (DESIGN §1). */
public enum RunStep {
    LOCK("lock", "lock gstg and gprd"),
    ANNOUNCE_START("announce start", "announce the start"),
    GSTG("gstg", "post-deploy migrations on gstg"),
    QA_GSTG("qa gstg", "QA pipeline against gstg"),
    GPRD("gprd", "post-deploy migrations on gprd"),
    UNLOCK("unlock", "unlock gstg and gprd"),
    RELEASE_NOTE("release note", "note on the monthly release issue"),
    ANNOUNCE_END("announce end", "announce the end");

    private final String id;
    private final String description;

    RunStep(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name stored in run_steps and shown in replies. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The step's number in a run, from 1. */
    public int number() {
        return ordinal() + 1;
    }

    /** The environment whose post-deploy migrations the step runs, for gstg and gprd. */
    public Optional<Environment> environment() {
        if (this == GSTG) return Optional.of(Environment.GSTG);
        if (this == GPRD) return Optional.of(Environment.GPRD);
        return Optional.empty();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(RunStep::id).toList();
    }

    public static RunStep byNumber(int number) {
        return values()[number - 1];
    }
}
