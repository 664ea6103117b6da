package pdmbot.storage;

import java.nio.file.Path;

/** The H2 data folder cannot be created or written to. */
public class DataFolderNotWritableException extends UnableToOpenStoreException {
    private final Path folder;

    public DataFolderNotWritableException(Path folder, Throwable cause) {
        super("the data folder " + folder + " is not writable: choose another with --data", cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
