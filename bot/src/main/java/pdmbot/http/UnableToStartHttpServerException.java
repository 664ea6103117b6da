package pdmbot.http;

/** The HTTP server could not listen (port taken, address not local); the message names the address. */
public class UnableToStartHttpServerException extends RuntimeException {
    public UnableToStartHttpServerException(String address, Exception cause) {
        super("unable to start the HTTP server on " + address + ": " + cause.getMessage(), cause);
    }
}
