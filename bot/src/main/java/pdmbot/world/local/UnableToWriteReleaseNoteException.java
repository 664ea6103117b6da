package pdmbot.world.local;

import pdmbot.world.WorldException;

/** A release note could not be written to its local file. */
public final class UnableToWriteReleaseNoteException extends WorldException {

    public UnableToWriteReleaseNoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
