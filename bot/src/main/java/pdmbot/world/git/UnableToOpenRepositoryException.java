package pdmbot.world.git;

import pdmbot.world.WorldException;

/** The path given as the world's repository is missing or is not a git repository. */
public final class UnableToOpenRepositoryException extends WorldException {

    public UnableToOpenRepositoryException(String message) {
        super(message);
    }

    public UnableToOpenRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
