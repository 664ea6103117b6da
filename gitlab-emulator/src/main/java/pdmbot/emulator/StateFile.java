package pdmbot.emulator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code <data>/state.json}: written to a temporary file in the same folder, forced to disk, then moved over the
 * old one atomically, so a crash leaves the old state or the new one, never half of either.
 */
final class StateFile {

    static final String NAME = "state.json";

    private StateFile() {
    }

    static EmulatorState load(Path folder) {
        Path file = folder.resolve(NAME);
        if (!Files.exists(file)) return new EmulatorState();
        try {
            return Json.MAPPER.readValue(file.toFile(), EmulatorState.class);
        } catch (IOException e) {
            throw new UnableToStartEmulatorException(file + " cannot be read (" + e.getMessage()
                    + "); move it away to start an empty emulator", e);
        }
    }

    static void save(Path folder, EmulatorState state) {
        Path file = folder.resolve(NAME);
        Path temporary = folder.resolve(NAME + ".tmp");
        try {
            Files.createDirectories(folder);
            try (var out = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state)));
                out.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UnableToSaveEmulatorStateException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }
}
