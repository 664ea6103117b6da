package pdmbot.world.demo;

import pdmbot.world.WorldException;

/** Writing the demo world's state file failed. */
public final class UnableToSaveDemoStateException extends WorldException {

    public UnableToSaveDemoStateException(String message) {
        super(message);
    }

    public UnableToSaveDemoStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
