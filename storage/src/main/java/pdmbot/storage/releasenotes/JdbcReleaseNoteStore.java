package pdmbot.storage.releasenotes;

import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import pdmbot.domain.PackageVersion;
import pdmbot.storage.Jdbc;
import pdmbot.storage.StorageException;

/** Release notes on plain JDBC; the primary key on package_version decides who posts. */
public final class JdbcReleaseNoteStore implements ReleaseNoteStore {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcReleaseNoteStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean claim(PackageVersion packageVersion, String body) {
        return jdbc.run("claim the release note of " + packageVersion, c -> {
            try {
                Jdbc.update(c, "INSERT INTO release_notes (package_version, posted_at, body) VALUES (?, ?, ?)", s -> {
                    s.setString(1, packageVersion.toString());
                    Jdbc.setInstant(s, 2, clock.instant().truncatedTo(ChronoUnit.MICROS));
                    s.setString(3, body);
                });
                return true;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) return false;
                throw e;
            }
        });
    }

    @Override
    public List<ReleaseNote> all() {
        return jdbc.list("list release notes", "SELECT package_version, posted_at, body FROM release_notes"
                        + " ORDER BY posted_at, package_version", Jdbc.none(),
                rs -> new ReleaseNote(PackageVersion.parse(rs.getString("package_version"))
                        .orElseThrow(() -> new StorageException("release_notes holds a malformed package version")),
                        Jdbc.instant(rs, "posted_at"), rs.getString("body")));
    }
}
