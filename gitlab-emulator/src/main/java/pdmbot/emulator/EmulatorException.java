package pdmbot.emulator;

/** The base of the emulator's own failures (I/O it cannot go on with); never a GitLab refusal. */
public class EmulatorException extends RuntimeException {
    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
