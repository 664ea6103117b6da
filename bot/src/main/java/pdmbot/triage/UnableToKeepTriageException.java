package pdmbot.triage;

import pdmbot.domain.PdmBotException;

/** A triage's state could not be written or read back. */
public final class UnableToKeepTriageException extends PdmBotException {

    public UnableToKeepTriageException(String action, Throwable cause) {
        super("unable to " + action + ": " + cause.getMessage(), cause);
    }
}
