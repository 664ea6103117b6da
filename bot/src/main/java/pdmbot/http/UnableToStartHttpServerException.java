package pdmbot.http;

import pdmbot.domain.PdmBotException;

/** The HTTP server could not listen (port taken, address not local); the message names the address. */
public class UnableToStartHttpServerException extends PdmBotException {
    public UnableToStartHttpServerException(String address, Exception cause) {
        super("unable to start the HTTP server on " + address + ": " + cause.getMessage(), cause);
    }
}
