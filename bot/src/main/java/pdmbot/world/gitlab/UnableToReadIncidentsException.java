package pdmbot.world.gitlab;

/** GitLab could not list the production incidents. */
public final class UnableToReadIncidentsException extends GitLabException {

    public UnableToReadIncidentsException(String message, Throwable cause) {
        super(message, cause);
    }
}
