package pdmbot.storage;

import pdmbot.domain.PdmBotException;

/** Base of every storage failure that cannot be handled as an expected outcome; messages are safe to show. */
public class StorageException extends PdmBotException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
