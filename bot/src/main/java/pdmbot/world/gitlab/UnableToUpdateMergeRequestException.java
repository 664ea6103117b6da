package pdmbot.world.gitlab;

/** GitLab could not label a merge request. */
public final class UnableToUpdateMergeRequestException extends GitLabException {

    public UnableToUpdateMergeRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
