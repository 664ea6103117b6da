package pdmbot.storage;

import java.sql.SQLException;

/** A read or write on an open store failed (connection lost, constraint the code did not expect…). */
public class UnableToAccessStoreException extends StorageException {
    public UnableToAccessStoreException(String action, SQLException cause) {
        super("unable to " + action + ": " + cause.getMessage() + " [SQLState " + cause.getSQLState() + "]", cause);
    }
}
