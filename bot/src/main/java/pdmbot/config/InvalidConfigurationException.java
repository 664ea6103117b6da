package pdmbot.config;

/** The configuration cannot be used; the message names the file, the key and the line. */
public final class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
