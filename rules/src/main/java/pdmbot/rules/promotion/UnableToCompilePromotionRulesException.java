package pdmbot.rules.promotion;

import pdmbot.domain.PdmBotException;

/** The promotion guards' rules could not be compiled. */
public final class UnableToCompilePromotionRulesException extends PdmBotException {

    public UnableToCompilePromotionRulesException(String message) {
        super(message);
    }
}
