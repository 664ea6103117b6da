package pdmbot.run;

import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.storage.runs.StepRecord;
import pdmbot.storage.runs.StepSpec;

/**
 * One step of a run: its stable id (stored with the run, shown in replies, found again by it), what it does and
 * on which environment. A run's steps are stored when it starts, so a later change of the configured steps does
 * not change a run already under way.
 */
public record RunStep(String id, StepKind kind, Optional<Environment> target) {

    public RunStep {
        if (kind.hasTarget() != target.isPresent())
            throw new IllegalArgumentException("step " + id + ": a " + kind.id() + " step " + (kind.hasTarget() ? "needs" : "has no")
                    + " environment");
    }

    static RunStep of(StepKind kind) {
        return new RunStep(switch (kind) {
            case LOCK -> "lock";
            case ANNOUNCE_START -> "announce start";
            case UNLOCK -> "unlock";
            case RELEASE_NOTE -> "release note";
            case ANNOUNCE_END -> "announce end";
            case MIGRATIONS, QA -> throw new IllegalArgumentException(kind.id() + " steps act on an environment");
        }, kind, Optional.empty());
    }

    static RunStep migrations(Environment environment) {
        return new RunStep(environment.id(), StepKind.MIGRATIONS, Optional.of(environment));
    }

    static RunStep qa(Environment environment) {
        return new RunStep("qa " + environment.id(), StepKind.QA, Optional.of(environment));
    }

    /** The step a stored run has: by its own kind and target, whatever the configuration says now. */
    static RunStep of(StepRecord stored) {
        StepKind kind = StepKind.of(stored.kind());
        Optional<Environment> target = stored.target().isBlank() ? Optional.empty() : Optional.of(Environment.byId(stored.target())
                .orElseThrow(() -> new IllegalStateException("step " + stored.name() + " targets the unknown environment "
                        + stored.target())));
        return new RunStep(stored.name(), kind, target);
    }

    StepSpec spec() {
        return new StepSpec(id, kind.id(), target.map(Environment::id).orElse(""));
    }

    Environment environment() {
        return target.orElseThrow(() -> new IllegalStateException("step " + id + " acts on no environment"));
    }

    /** Whether the step changes an environment's databases: the production checks of the moment come first. */
    boolean changesAnEnvironment() {
        return kind == StepKind.MIGRATIONS;
    }

    /**
     * The first part of this step's side-effect keys. The gstg QA step keeps {@code qa}, its key before steps had
     * targets, so that a run stored then and resumed now finds its QA pipeline again.
     */
    String effectPrefix() {
        return switch (kind) {
            case MIGRATIONS -> environment().id();
            case QA -> environment() == Environment.GSTG ? "qa" : "qa-" + environment().id();
            case LOCK, ANNOUNCE_START, UNLOCK, RELEASE_NOTE, ANNOUNCE_END -> id.replace(' ', '-');
        };
    }

    /** What the step does, for the run's prose. */
    String description(String environmentWords) {
        return switch (kind) {
            case LOCK -> "lock " + environmentWords;
            case ANNOUNCE_START -> "announce the start";
            case MIGRATIONS -> "post-deploy migrations on " + environment().id();
            case QA -> "QA pipeline against " + environment().id();
            case UNLOCK -> "unlock " + environmentWords;
            case RELEASE_NOTE -> "note on the monthly release issue";
            case ANNOUNCE_END -> "announce the end";
        };
    }

    /** The step's short name in the steps line ({@code lock gstg and gprd → gstg → QA on gstg → …}), empty to leave out. */
    String shortName(String environmentWords) {
        return switch (kind) {
            case LOCK -> "lock " + environmentWords;
            case ANNOUNCE_START, ANNOUNCE_END -> "";
            case MIGRATIONS -> environment().id();
            case QA -> "QA on " + environment().id();
            case UNLOCK -> "unlock";
            case RELEASE_NOTE -> "release note";
        };
    }
}
