package pdmbot.world.gitlab;

/** GitLab could not list the project's package tags. */
public final class UnableToListPackagesException extends GitLabException {

    public UnableToListPackagesException(String message, Throwable cause) {
        super(message, cause);
    }
}
