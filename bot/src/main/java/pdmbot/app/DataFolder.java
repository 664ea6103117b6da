package pdmbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import pdmbot.config.InvalidConfigurationException;

/** The bot's data folder ({@code --data}): made before anything is kept in it, or refused with what to do. */
public final class DataFolder {

    private DataFolder() {
    }

    /** Creates the data folder, or says clearly why it cannot be used. */
    public static void prepare(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot create the data folder " + dataDir + " ("
                    + e.getClass().getSimpleName() + "): choose another with --data");
        }
        if (!Files.isWritable(dataDir))
            throw new InvalidConfigurationException("the data folder " + dataDir
                    + " is not writable: choose another with --data");
    }
}
