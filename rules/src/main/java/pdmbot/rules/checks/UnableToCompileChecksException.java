package pdmbot.rules.checks;

/** The production checks' rules could not be compiled. */
public final class UnableToCompileChecksException extends RuntimeException {

    public UnableToCompileChecksException(String message) {
        super(message);
    }
}
