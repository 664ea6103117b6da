package pdmbot.storage;

/** The store file exists but is not an H2 database pdm-bot can read. */
public class StoreDamagedException extends UnableToOpenStoreException {
    public StoreDamagedException(String location, Throwable cause) {
        super("the store " + location + " is not a pdm-bot store or is damaged: move it away"
                + " (pdm-bot then starts an empty one) or choose another folder with --data", cause);
    }
}
