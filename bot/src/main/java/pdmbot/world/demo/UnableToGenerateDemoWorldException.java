package pdmbot.world.demo;

import pdmbot.world.WorldException;

/** Generating the demo world's repository or state failed. */
public final class UnableToGenerateDemoWorldException extends WorldException {

    public UnableToGenerateDemoWorldException(String message) {
        super(message);
    }

    public UnableToGenerateDemoWorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
