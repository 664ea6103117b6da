package pdmbot.decide.demo;

import pdmbot.domain.PdmBotException;

/** The demo's decision state file could not be read or written. */
public final class UnableToReadDemoDecideStateException extends PdmBotException {

    public UnableToReadDemoDecideStateException(String message) {
        super(message);
    }
}
