package pdmbot.world;

import pdmbot.domain.Environment;

/** Runs the QA smoke pipeline against an environment after its post-deploy migrations. */
public interface QaPipelines {

    /** Starts QA against the environment; the same {@code effectKey} returns the pipeline already started. */
    PipelineHandle startQa(Environment environment, String effectKey);

    PipelineStatus status(PipelineHandle pipeline);

    /** The status of a QA pipeline started against this environment (which may have a QA project of its own). */
    default PipelineStatus status(Environment environment, PipelineHandle pipeline) {
        return status(pipeline);
    }
}
