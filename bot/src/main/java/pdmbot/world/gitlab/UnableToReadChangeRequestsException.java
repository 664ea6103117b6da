package pdmbot.world.gitlab;

/** GitLab could not list the production change requests. */
public final class UnableToReadChangeRequestsException extends GitLabException {

    public UnableToReadChangeRequestsException(String message, Throwable cause) {
        super(message, cause);
    }
}
