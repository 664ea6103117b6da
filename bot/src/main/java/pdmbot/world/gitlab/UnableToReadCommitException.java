package pdmbot.world.gitlab;

/** GitLab could not give a commit, its merge requests or its ancestry. */
public final class UnableToReadCommitException extends GitLabException {

    public UnableToReadCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
