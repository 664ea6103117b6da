package pdmbot.storage.environments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import pdmbot.domain.Environment;
import pdmbot.domain.PackageVersion;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** Deployed packages on plain JDBC. */
public final class JdbcEnvironmentStore implements EnvironmentStore {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcEnvironmentStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<PackageVersion> deployedPackage(Environment environment) {
        return jdbc.first("read the package deployed on " + environment,
                "SELECT package_version FROM environments WHERE name = ?", s -> s.setString(1, environment.id()),
                rs -> rs.getString("package_version")).map(JdbcEnvironmentStore::parse);
    }

    @Override
    public void recordDeployment(Environment environment, PackageVersion version) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String action = "record " + version + " on " + environment;
        jdbc.inTransaction(action, c -> {
            // Update first, insert when absent: portable where H2 lacks ON CONFLICT ... DO UPDATE.
            int updated = Jdbc.update(c, "UPDATE environments SET package_version = ?, updated_at = ? WHERE name = ?", s -> {
                s.setString(1, version.toString());
                Jdbc.setInstant(s, 2, now);
                s.setString(3, environment.id());
            });
            if (updated == 0) {
                Jdbc.update(c, "INSERT INTO environments (name, package_version, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", s -> {
                    s.setString(1, environment.id());
                    s.setString(2, version.toString());
                    Jdbc.setInstant(s, 3, now);
                });
            }
            return null;
        });
    }

    @Override
    public List<Deployment> deployments() {
        return jdbc.list("list deployments", "SELECT name, package_version, updated_at FROM environments", Jdbc.none(),
                rs -> new Deployment(Environment.byId(rs.getString("name")).orElseThrow(),
                        parse(rs.getString("package_version")), Jdbc.instant(rs, "updated_at")))
                .stream().sorted(Comparator.comparing(Deployment::environment)).toList();
    }

    private static PackageVersion parse(String stored) {
        return PackageVersion.parse(stored)
                .orElseThrow(() -> new StorageException("the environments table holds a malformed package version: " + stored));
    }
}
