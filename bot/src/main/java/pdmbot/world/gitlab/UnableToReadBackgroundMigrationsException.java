package pdmbot.world.gitlab;

/** GitLab could not list the batched background migrations of a database. */
public final class UnableToReadBackgroundMigrationsException extends GitLabException {

    public UnableToReadBackgroundMigrationsException(String message, Throwable cause) {
        super(message, cause);
    }
}
