package pdmbot.rules.decide;

import pdmbot.domain.PdmBotException;

/** The run decisions' rules could not be compiled. */
public final class UnableToCompileDecisionsException extends PdmBotException {

    public UnableToCompileDecisionsException(String message) {
        super(message);
    }
}
