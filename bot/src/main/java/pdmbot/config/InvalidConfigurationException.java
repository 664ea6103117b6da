package pdmbot.config;

import pdmbot.domain.PdmBotException;

/** The configuration cannot be used; the message names the file, the key and the line. */
public final class InvalidConfigurationException extends PdmBotException {

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
