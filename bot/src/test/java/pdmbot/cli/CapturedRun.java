package pdmbot.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in this JVM with stdout and stderr captured, and gives back what it printed. */
final class CapturedRun implements AutoCloseable {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream savedOut = System.out;
    private final PrintStream savedErr = System.err;

    CapturedRun() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    int run(String... args) {
        return Main.run(args);
    }

    int run(Map<String, String> environment, String... args) {
        return Main.run(environment, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void clear() {
        out.reset();
        err.reset();
    }

    @Override
    public void close() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }
}
