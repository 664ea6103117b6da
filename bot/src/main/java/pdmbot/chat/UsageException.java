package pdmbot.chat;

/** A command was given words it cannot use; the router answers with the reason and the usage line. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
