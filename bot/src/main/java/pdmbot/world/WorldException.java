package pdmbot.world;

import pdmbot.domain.PdmBotException;

/** Base of the unchecked exceptions the world throws when I/O cannot go on; each subclass names the failed action. */
public abstract class WorldException extends PdmBotException {

    protected WorldException(String message) {
        super(message);
    }

    protected WorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
