package pdmbot.emulator;

/** A project's git repository could not be read (damaged or gone); the request answers 500. */
public final class UnableToReadRepositoryException extends EmulatorException {
    public UnableToReadRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
