package pdmbot.storage;

import java.io.IOException;
import java.nio.file.Path;

/** Run in a child JVM by the tests: opens the H2 store in a folder and holds it until its stdin closes. */
public final class HoldH2Store {

    public static final String OPENED = "opened";

    private HoldH2Store() {
    }

    @SuppressWarnings("try") // the store is held open, never used: that is the point
    public static void main(String[] args) throws IOException {
        try (Database database = Database.h2(Path.of(args[0]))) {
            System.out.println(OPENED);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the store until the parent lets go
            }
        }
    }
}
