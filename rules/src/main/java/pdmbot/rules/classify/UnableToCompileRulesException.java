package pdmbot.rules.classify;

import pdmbot.domain.PdmBotException;

/** The rules could not be compiled (a .drl with an error, a rules folder that cannot be read); names each file and line. */
public final class UnableToCompileRulesException extends PdmBotException {

    private final ReloadResult.Refused refused;

    public UnableToCompileRulesException(String what, ReloadResult.Refused refused) {
        super(what + ":\n" + refused.describe());
        this.refused = refused;
    }

    /** The compiler's errors, each with its file and line. */
    public ReloadResult.Refused refused() {
        return refused;
    }
}
