package pdmbot.chat;

import pdmbot.domain.PdmBotException;

/** A command was given words it cannot use; the router answers with the reason and the usage line. */
public final class UsageException extends PdmBotException {

    public UsageException(String message) {
        super(message);
    }
}
