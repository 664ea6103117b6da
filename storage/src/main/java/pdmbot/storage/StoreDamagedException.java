package pdmbot.storage;

/** The store file exists but is not an H2 database pdm-bot can read. */
public class StoreDamagedException extends UnableToOpenStoreException {
    public StoreDamagedException(String location, Throwable cause) {
        this(location, "", cause);
    }

    /** With a detail such as {@code " (it is empty: 0 bytes)"}, said right after "is damaged". */
    public StoreDamagedException(String location, String detail, Throwable cause) {
        super("the store " + location + " is not a pdm-bot store or is damaged" + detail + ": move it away"
                + " (pdm-bot then starts an empty one) or choose another folder with --data", cause);
    }
}
