package pdmbot.world.gitlab;

/** GitLab could not compare two package commits. */
public final class UnableToCompareCommitsException extends GitLabException {

    public UnableToCompareCommitsException(String message, Throwable cause) {
        super(message, cause);
    }
}
