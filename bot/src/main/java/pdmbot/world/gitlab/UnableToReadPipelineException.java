package pdmbot.world.gitlab;

/** GitLab could not tell where a pipeline is, or which job failed and why. */
public final class UnableToReadPipelineException extends GitLabException {

    public UnableToReadPipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
