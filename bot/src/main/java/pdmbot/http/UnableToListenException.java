package pdmbot.http;

import pdmbot.domain.PdmBotException;

import java.io.IOException;
import java.net.BindException;

/**
 * A server of pdm-bot cannot listen on its address. The one place that words it, for every server that binds the
 * configured {@code http.bind:http.port}; the command line stops with exit 2 and this message.
 */
public final class UnableToListenException extends PdmBotException {

    private UnableToListenException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Names the address and the port, says why in the user's terms, and which settings change them. */
    public static UnableToListenException on(String bind, int port, IOException cause) {
        String where = "cannot listen on " + bind + ":" + port;
        String detail = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof BindException && detail.contains("in use"))
            return new UnableToListenException(where + ": the port is already in use (another pdm-bot serve, or another"
                    + " program): stop it, or choose another port with http.port (PDM_HTTP_PORT)", cause);
        if (cause instanceof BindException && detail.contains("assign"))
            return new UnableToListenException(where + ": " + bind + " is not an address of this machine:"
                    + " choose another with http.bind (PDM_HTTP_BIND)", cause);
        if (cause instanceof BindException && detail.contains("ermission"))
            return new UnableToListenException(where + ": this user may not listen on port " + port
                    + " (ports below 1024 need privileges): choose another with http.port (PDM_HTTP_PORT)", cause);
        return new UnableToListenException(where + ": " + (detail.isEmpty() ? cause.getClass().getSimpleName() : detail)
                + " (http.bind, http.port)", cause);
    }
}
