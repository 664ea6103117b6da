package pdmbot.world.demo;

import pdmbot.world.WorldException;

/** A {@code demo …} command could not change the demo's GitLab emulator (unreachable, or it refused the change). */
public final class UnableToControlDemoException extends WorldException {

    public UnableToControlDemoException(String message) {
        super(message);
    }
}
