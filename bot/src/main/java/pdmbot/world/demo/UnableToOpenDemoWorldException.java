package pdmbot.world.demo;

import pdmbot.world.WorldException;

/** The demo world directory exists but cannot be used (damaged, unreadable or not a demo world). */
public final class UnableToOpenDemoWorldException extends WorldException {

    public UnableToOpenDemoWorldException(String message) {
        super(message);
    }

    public UnableToOpenDemoWorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
