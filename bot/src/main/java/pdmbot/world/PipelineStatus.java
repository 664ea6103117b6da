package pdmbot.world;

import java.util.Objects;
import java.util.Optional;

/** Where a pipeline is: still running, succeeded, or failed with what failed. */
public sealed interface PipelineStatus permits PipelineStatus.Running, PipelineStatus.Succeeded, PipelineStatus.Failed {

    /** Created, pending or running; poll again later. */
    record Running() implements PipelineStatus {
    }

    record Succeeded() implements PipelineStatus {
    }

    /**
     * Failed (or canceled). {@code job} names the failing job, {@code jobUrl} links it ({@code ""} without a link),
     * {@code migrationVersion} is the post-deploy migration that failed when the world can tell, {@code error} is
     * the error line and {@code traceTail} the last lines of the job's log (may be empty).
     */
    record Failed(String job, String jobUrl, Optional<String> migrationVersion, String error, String traceTail)
            implements PipelineStatus {
        public Failed {
            Objects.requireNonNull(job, "job");
            if (jobUrl == null) jobUrl = "";
            Objects.requireNonNull(migrationVersion, "migrationVersion");
            if (error == null || error.isBlank()) error = "the pipeline failed";
            if (traceTail == null) traceTail = "";
        }
    }
}
