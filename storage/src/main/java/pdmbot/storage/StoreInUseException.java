package pdmbot.storage;

/** The H2 store file is held by another pdm-bot process (H2's file lock), or already open in this one. */
public class StoreInUseException extends UnableToOpenStoreException {
    public StoreInUseException(String location, String holder, Throwable cause) {
        super("the store " + location + " is already in use by another pdm-bot process (" + holder
                + "): stop that process or choose another folder with --data", cause);
    }
}
