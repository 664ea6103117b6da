package pdmbot.world.gitlab;

/** GitLab could not start (or find the already started) pipeline. */
public final class UnableToTriggerPipelineException extends GitLabException {

    public UnableToTriggerPipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
