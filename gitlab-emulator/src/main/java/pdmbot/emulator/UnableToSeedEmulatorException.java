package pdmbot.emulator;

/** A seed asked for something impossible (unknown project, ref, user) or its repository could not be written. */
public final class UnableToSeedEmulatorException extends EmulatorException {
    public UnableToSeedEmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
