package pdmbot.storage;

/** The store could not be opened; subclasses say why in words a user can act on. */
public class UnableToOpenStoreException extends StorageException {
    public UnableToOpenStoreException(String message) {
        super(message);
    }

    public UnableToOpenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
