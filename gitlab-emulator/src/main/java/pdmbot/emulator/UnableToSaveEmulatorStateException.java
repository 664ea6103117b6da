package pdmbot.emulator;

/** The emulator state could not be written atomically to its folder. */
public final class UnableToSaveEmulatorStateException extends EmulatorException {
    public UnableToSaveEmulatorStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
