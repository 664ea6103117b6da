package pdmbot.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A folder nobody may write to, for real. Permissions alone do not stop root (these tests run as root in CI
 * containers), so when they are not enough the folder is also made immutable with {@code chattr +i}.
 */
final class ReadOnlyFolder implements AutoCloseable {

    private final Path path;
    private final boolean immutable;

    private ReadOnlyFolder(Path path, boolean immutable) {
        this.path = path;
        this.immutable = immutable;
    }

    static ReadOnlyFolder inside(Path parent) throws IOException, InterruptedException {
        Path folder = Files.createDirectory(parent.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!canWriteIn(folder)) return new ReadOnlyFolder(folder, false);
        if (chattr("+i", folder) && !canWriteIn(folder)) return new ReadOnlyFolder(folder, true);
        throw new IllegalStateException("cannot make a read-only folder here: permissions and chattr +i both failed");
    }

    Path path() {
        return path;
    }

    private static boolean canWriteIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean chattr(String flag, Path folder) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, folder.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Override
    public void close() throws IOException {
        try {
            if (immutable) chattr("-i", path);
        } catch (InterruptedException e) {
            // an interrupted close still restores the permissions below, and keeps the interrupt for the caller
            Thread.currentThread().interrupt();
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
