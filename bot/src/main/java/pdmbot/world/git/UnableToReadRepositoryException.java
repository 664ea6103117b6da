package pdmbot.world.git;

import pdmbot.world.WorldException;

/** Reading refs, commits or trees of an opened repository failed (I/O, corruption, an unknown package commit). */
public final class UnableToReadRepositoryException extends WorldException {

    public UnableToReadRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnableToReadRepositoryException(String message) {
        super(message);
    }
}
