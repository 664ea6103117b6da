package pdmbot.storage.runs;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;

/**
 * What a run of a subset may run ({@code pdm execute --only}, a scheduled run of one group): the words it was asked
 * with and each (environment, database, version) chosen. A whole run has no scope.
 */
public record RunScope(String only, List<Entry> entries) {

    /** One migration on one environment's database that the run may run. */
    public record Entry(Environment environment, LogicalDatabase database, String version) {
        public Entry {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(database, "database");
            if (version == null || !version.matches("\\d{14}"))
                throw new IllegalArgumentException("a migration version has 14 digits: " + version);
        }
    }

    public RunScope {
        if (only == null || only.isBlank()) throw new IllegalArgumentException("a scope says what it was asked with");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) throw new IllegalArgumentException("a scope holds at least one migration");
    }

    /** Whether the run may run {@code version} on the environment's database. */
    public boolean includes(Environment environment, LogicalDatabase database, String version) {
        return entries.contains(new Entry(environment, database, version));
    }

    /** The versions chosen on the environment, in version order. */
    public Set<String> versionsOn(Environment environment) {
        Set<String> versions = new TreeSet<>();
        for (Entry e : entries) if (e.environment() == environment) versions.add(e.version());
        return versions;
    }
}
