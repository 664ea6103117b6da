package pdmbot.rules.checks;

import pdmbot.domain.PdmBotException;

/** The production checks' rules could not be compiled. */
public final class UnableToCompileChecksException extends PdmBotException {

    public UnableToCompileChecksException(String message) {
        super(message);
    }
}
