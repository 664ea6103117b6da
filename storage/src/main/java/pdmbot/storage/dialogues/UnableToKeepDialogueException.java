package pdmbot.storage.dialogues;

import java.sql.SQLException;

/** A dialogue's state could not be read or written; the message is safe to show. */
public class UnableToKeepDialogueException extends pdmbot.storage.StorageException {
    public UnableToKeepDialogueException(String action, SQLException cause) {
        super("unable to " + action + ": " + cause.getMessage() + " [SQLState " + cause.getSQLState() + "]", cause);
    }
}
