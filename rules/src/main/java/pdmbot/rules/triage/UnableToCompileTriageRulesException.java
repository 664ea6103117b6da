package pdmbot.rules.triage;

import pdmbot.domain.PdmBotException;

/** {@code triage.drl} could not be read or compiled: a bug of this build. */
public final class UnableToCompileTriageRulesException extends PdmBotException {

    public UnableToCompileTriageRulesException(String message) {
        super(message);
    }
}
