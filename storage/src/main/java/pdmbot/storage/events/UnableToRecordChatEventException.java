package pdmbot.storage.events;

import java.sql.SQLException;

/** Claiming a chat event or a button click could not reach the store; the message is safe to show. */
public class UnableToRecordChatEventException extends pdmbot.storage.StorageException {
    public UnableToRecordChatEventException(String action, SQLException cause) {
        super("unable to " + action + ": " + cause.getMessage() + " [SQLState " + cause.getSQLState() + "]", cause);
    }
}
