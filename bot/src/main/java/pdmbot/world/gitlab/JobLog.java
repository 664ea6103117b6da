package pdmbot.world.gitlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a job log as a stream and keeps its last lines only (job logs run to megabytes), without the terminal
 * colours and GitLab's collapsible-section markers; finds the error line and the migration that was running.
 */
final class JobLog {

    static final int TAIL_LINES = 30;
    private static final Pattern NOISE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]|section_(?:start|end):\\d+:[^\\r]*\\r?");
    private static final Pattern MIGRATING = Pattern.compile("==\\s+(\\d{14})\\s+\\w+:\\s+migrating");
    private static final Pattern ERROR = Pattern.compile("(?i)(rake aborted|error|exception|PG::|canceling statement)");
    /** Lines that say what broke, preferred over the runner's closing "ERROR: Job failed". */
    private static final Pattern SPECIFIC = Pattern.compile("PG::\\w+|ActiveRecord::\\w+|\\w+(?:Error|Exception):");

    /** The last lines, the last error line among them, and the last migration seen migrating anywhere in the log. */
    record Tail(String text, Optional<String> errorLine, Optional<String> migrationVersion) {
    }

    private JobLog() {
    }

    static Tail tailOf(InputStream log) throws IOException {
        Deque<String> last = new ArrayDeque<>(TAIL_LINES);
        String migration = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            String clean = NOISE.matcher(line).replaceAll("").stripTrailing();
            Matcher m = MIGRATING.matcher(clean);
            if (m.find()) migration = m.group(1);
            if (clean.isBlank()) continue;
            if (last.size() == TAIL_LINES) last.removeFirst();
            last.addLast(clean.length() > 500 ? clean.substring(0, 500) + "…" : clean);
        }
        String error = null;
        for (String line : last) if (SPECIFIC.matcher(line).find()) error = line.strip();
        if (error == null) for (String line : last) if (ERROR.matcher(line).find()) error = line.strip();
        return new Tail(String.join("\n", last), Optional.ofNullable(error), Optional.ofNullable(migration));
    }
}
