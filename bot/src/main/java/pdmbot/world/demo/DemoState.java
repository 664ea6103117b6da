package pdmbot.world.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;

/**
 * The demo world's environments as stored in {@code state.json}: the package on each environment, and per
 * {@code db/gstg}, {@code db/gprd} and logical database the versions that ran with their time. Immutable;
 * changes return a new state.
 */
record DemoState(@JsonProperty("seed") long seed,
                 @JsonProperty("deployments") SortedMap<String, Deployed> deployments,
                 @JsonProperty("databases") SortedMap<String, SortedMap<String, SortedMap<String, Instant>>> databases) {

    /** A package as stored: version, full commit sha and ref. */
    record Deployed(@JsonProperty("version") String version, @JsonProperty("commitSha") String commitSha,
                    @JsonProperty("ref") String ref) {

        static Deployed of(AutoDeployPackage pkg) {
            return new Deployed(pkg.version().toString(), pkg.commitSha(), pkg.refName());
        }

        AutoDeployPackage toPackage() {
            PackageVersion parsed = PackageVersion.parse(version)
                    .orElseThrow(() -> new IllegalStateException("not a package version in state.json: " + version));
            return new AutoDeployPackage(parsed, commitSha, ref);
        }
    }

    DemoState {
        deployments = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(deployments, "deployments")));
        SortedMap<String, SortedMap<String, SortedMap<String, Instant>>> copy = new TreeMap<>();
        Objects.requireNonNull(databases, "databases").forEach((env, perDatabase) -> {
            SortedMap<String, SortedMap<String, Instant>> inner = new TreeMap<>();
            perDatabase.forEach((db, runs) -> inner.put(db, Collections.unmodifiableSortedMap(new TreeMap<>(runs))));
            copy.put(env, Collections.unmodifiableSortedMap(inner));
        });
        databases = Collections.unmodifiableSortedMap(copy);
    }

    static DemoState empty(long seed) {
        return new DemoState(seed, new TreeMap<>(), new TreeMap<>());
    }

    SortedMap<String, Instant> runs(Environment environment, LogicalDatabase database) {
        return databases.getOrDefault(environment.databaseEnvironment(), Collections.emptySortedMap())
                .getOrDefault(database.id(), Collections.emptySortedMap());
    }

    DemoState withRun(Environment environment, LogicalDatabase database, String version, Instant ranAt) {
        if (runs(environment, database).containsKey(version)) return this;
        SortedMap<String, SortedMap<String, SortedMap<String, Instant>>> changed = new TreeMap<>(databases);
        SortedMap<String, SortedMap<String, Instant>> perDatabase =
                new TreeMap<>(changed.getOrDefault(environment.databaseEnvironment(), new TreeMap<>()));
        SortedMap<String, Instant> runs = new TreeMap<>(perDatabase.getOrDefault(database.id(), new TreeMap<>()));
        runs.put(version, ranAt);
        perDatabase.put(database.id(), runs);
        changed.put(environment.databaseEnvironment(), perDatabase);
        return new DemoState(seed, deployments, changed);
    }

    DemoState withDeployment(Environment environment, AutoDeployPackage pkg) {
        SortedMap<String, Deployed> changed = new TreeMap<>(deployments);
        changed.put(environment.id(), Deployed.of(pkg));
        return new DemoState(seed, changed, databases);
    }

    /** Versions or times that cannot be right, or null when the state is sound. */
    String problem() {
        for (Map.Entry<String, Deployed> e : deployments.entrySet()) {
            if (Environment.byId(e.getKey()).isEmpty()) return "unknown environment \"" + e.getKey() + "\"";
            if (PackageVersion.parse(e.getValue().version()).isEmpty())
                return "\"" + e.getValue().version() + "\" on " + e.getKey() + " is not a package version";
        }
        for (var env : databases.entrySet()) {
            if (Environment.byId(env.getKey()).filter(Environment::hasPostDeployMigrations).isEmpty())
                return "\"" + env.getKey() + "\" is not db/gstg or db/gprd";
            for (var db : env.getValue().entrySet()) {
                if (LogicalDatabase.byId(db.getKey()).isEmpty()) return "unknown database \"" + db.getKey() + "\"";
                for (var run : db.getValue().entrySet())
                    if (!run.getKey().matches("\\d{14}") || run.getValue() == null)
                        return "bad run \"" + run.getKey() + "\" on " + env.getKey() + " " + db.getKey();
            }
        }
        return null;
    }
}
