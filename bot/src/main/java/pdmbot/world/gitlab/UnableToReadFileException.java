package pdmbot.world.gitlab;

/** GitLab could not give a file's content at a commit. */
public final class UnableToReadFileException extends GitLabException {

    public UnableToReadFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
