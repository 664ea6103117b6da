package pdmbot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * How {@code say} reaches the pdm-bot process that holds a data folder's store: that process listens on a loopback
 * port and names it, with a one-time token, in {@code <data>/say-relay.endpoint} (readable by its owner only).
 * The protocol is lines of UTF-8: the server greets, the client sends one JSON request, the server streams the reply.
 */
final class SayRelay {

    static final String ENDPOINT_FILE = "say-relay.endpoint";
    /** First line from the server, followed by {@code " pid=<pid>"}: the client checks it is the process named in the file. */
    static final String GREETING = "pdm-bot say-relay 1";
    /** A line of the reply. */
    static final String OUTPUT = "| ";
    /** Last line: the command's exit code. */
    static final String EXIT = "= ";
    /** Refused before running anything, with the reason. */
    static final String REFUSED = "! ";
    /** Sent while a command is still running, so the client can tell a slow command from a frozen process. */
    static final String STILL_WORKING = ".";
    /** A request longer than this is refused: a chat command is a line. */
    static final int MAX_REQUEST_CHARS = 64 * 1024;

    private SayRelay() {
    }

    /** What the endpoint file says: which process, which port, which token. */
    record Endpoint(long pid, int port, String token) {

        static Endpoint fresh(int port) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return new Endpoint(ProcessHandle.current().pid(), port, HexFormat.of().formatHex(bytes));
        }

        /** The endpoint named in the data folder, if there is a readable one. */
        static Optional<Endpoint> in(Path dataDir) {
            Path file = dataDir.resolve(ENDPOINT_FILE);
            if (!Files.isRegularFile(file)) return Optional.empty();
            Properties p = new Properties();
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(reader);
                return Optional.of(new Endpoint(Long.parseLong(p.getProperty("pid", "").trim()),
                        Integer.parseInt(p.getProperty("port", "").trim()), p.getProperty("token", "").trim()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Writes the file (owner-only where the file system has permissions), replacing it in one move. */
        void writeTo(Path dataDir) throws IOException {
            Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dataDir, ".say-relay", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dataDir, ".say-relay", ".tmp");
            String text = "# how `pdm-bot say` reaches the process holding this folder's store; removed when it stops\n"
                    + "pid=" + pid + "\nport=" + port + "\ntoken=" + token + "\n";
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, dataDir.resolve(ENDPOINT_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dataDir.resolve(ENDPOINT_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /** Removes the file if it is still this endpoint's (another process may have written its own since). */
        void removeFrom(Path dataDir) {
            try {
                if (in(dataDir).filter(this::equals).isPresent()) Files.deleteIfExists(dataDir.resolve(ENDPOINT_FILE));
            } catch (IOException e) {
                // a stale file is ignored by say: its process does not answer
            }
        }

        String greeting() {
            return GREETING + " pid=" + pid;
        }

        @Override
        public String toString() {
            return "Endpoint[pid=" + pid + ", port=" + port + "]"; // never the token
        }
    }
}
