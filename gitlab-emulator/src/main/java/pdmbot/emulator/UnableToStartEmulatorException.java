package pdmbot.emulator;

/** The emulator could not open its folder or bind its port. */
public final class UnableToStartEmulatorException extends EmulatorException {
    public UnableToStartEmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
