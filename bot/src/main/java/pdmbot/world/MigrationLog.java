package pdmbot.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pdmbot.domain.LogicalDatabase;

/**
 * Reads the migration lines of a {@code db:migrate} job log into {@link MigrationTiming}s, streaming (logs run to
 * megabytes). The shapes are ActiveRecord's {@code Migration#announce}
 * ({@code "== %s %s" % ["#{version} #{name}: #{message}", "=" * [0, 75 - text.length].max]}, with the messages
 * {@code migrating} and {@code migrated (%.4fs)}, activerecord/lib/active_record/migration.rb) behind GitLab's
 * per-database prefix ({@code "#{db_config_name}: #{text}"},
 * gitlabhq lib/gitlab/database/migration_helpers/announce_database.rb). ANSI colours, {@code \e[0K} clears and
 * {@code section_start:}/{@code section_end:} markers are removed first; a runner timestamp before the line is skipped
 * because the pattern is searched, not anchored. Lines of a database other than main and ci are ignored.
 */
public final class MigrationLog {

    private static final Pattern NOISE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]|section_(?:start|end):\\d+:[^\\r]*\\r?");
    private static final Pattern ANNOUNCE = Pattern.compile(
            "(?:(\\w+): )?== (\\d{14}) (\\w+): (migrating|migrated \\((\\d+(?:\\.\\d+)?)s\\))");

    private MigrationLog() {
    }

    /** The migrations of a log, in the order they started; one without its {@code migrated} line is unfinished. */
    public static List<MigrationTiming> timingsOf(InputStream log) throws IOException {
        return timingsOf(new InputStreamReader(log, StandardCharsets.UTF_8));
    }

    public static List<MigrationTiming> timingsOf(String log) {
        try {
            return timingsOf(new StringReader(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MigrationTiming> timingsOf(Reader log) throws IOException {
        Map<String, MigrationTiming> byKey = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(log);
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.indexOf("== ") < 0) continue;
            Matcher m = ANNOUNCE.matcher(NOISE.matcher(line).replaceAll(""));
            if (!m.find()) continue;
            Optional<LogicalDatabase> database = Optional.empty();
            if (m.group(1) != null) {
                database = LogicalDatabase.byId(m.group(1));
                if (database.isEmpty()) continue;
            }
            String key = database.map(LogicalDatabase::id).orElse("") + " " + m.group(2);
            Optional<Duration> took = m.group(5) == null ? Optional.empty() : Optional.of(seconds(m.group(5)));
            MigrationTiming timing = new MigrationTiming(database, m.group(2), m.group(3), took);
            // A migration seen migrated keeps its time; a later "migrating" of it (a second job) starts it again.
            byKey.remove(key);
            byKey.put(key, timing);
        }
        return new ArrayList<>(byKey.values());
    }

    private static Duration seconds(String text) {
        BigDecimal nanos = new BigDecimal(text).movePointRight(9);
        return Duration.ofNanos(nanos.longValue());
    }
}
