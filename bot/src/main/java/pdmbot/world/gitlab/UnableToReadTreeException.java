package pdmbot.world.gitlab;

/** GitLab could not list the post-deploy migrations of a commit's tree. */
public final class UnableToReadTreeException extends GitLabException {

    public UnableToReadTreeException(String message, Throwable cause) {
        super(message, cause);
    }
}
