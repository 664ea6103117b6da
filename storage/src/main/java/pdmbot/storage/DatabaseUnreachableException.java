package pdmbot.storage;

/** The PostgreSQL server cannot be reached; the message names the URL without any password. */
public class DatabaseUnreachableException extends UnableToOpenStoreException {
    public DatabaseUnreachableException(String location, String reason, Throwable cause) {
        super("PostgreSQL at " + location + " is unreachable (" + reason
                + "): check the URL and that the server is running and accepts connections", cause);
    }
}
