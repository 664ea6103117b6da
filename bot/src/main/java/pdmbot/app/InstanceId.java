package pdmbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import pdmbot.config.InvalidConfigurationException;

/**
 * This instance's name, read once by the composition root and given to everything that needs one: the owner of the
 * runs it drives and the claimer of chat events. Kept in {@code <data>/instance-id}, so a bot restarted on the same
 * folder is the same instance and takes its interrupted run back at once; another instance waits for the lease.
 */
final class InstanceId {

    private InstanceId() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve("instance-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file).trim();
                if (!id.isEmpty()) return id;
            }
            String host = System.getenv().getOrDefault("HOSTNAME", "pdm-bot");
            String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot keep the instance id in " + file + ": " + e.getMessage());
        }
    }
}
