package pdmbot.world.gitlab;

/** GitLab could not say which user the bot's token belongs to. */
public final class UnableToReadCurrentUserException extends GitLabException {

    public UnableToReadCurrentUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
