package pdmbot.storage.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.storage.Jdbc;
import pdmbot.storage.UnableToAccessStoreException;

/** The ledger on plain JDBC. */
public final class JdbcLedgerStore implements LedgerStore {

    private static final String PACKAGE_ORDER = "p.built_at, p.major, p.minor, p.app_sha, p.packaging_sha";
    private static final String PACKAGE_COLUMNS = "p.major, p.minor, p.built_at, p.app_sha, p.packaging_sha";
    private static final String MIGRATION_COLUMNS = "m.version, m.name, m.path";
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{14})_([a-z0-9_]+)");
    private static final Pattern DIGITS = Pattern.compile("\\d{4,14}");

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcLedgerStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean recordPackage(PackageVersion version, List<LedgerChange> changes) {
        requireOneChangePerMigration(version, changes);
        if (hasPackage(version)) return false;
        try {
            return jdbc.inTransaction("record package " + version, c -> {
                insertPackage(c, version);
                for (LedgerChange change : changes) insertMigrationIfAbsent(c, change.migration());
                insertChanges(c, version, changes);
                return true;
            });
        } catch (UnableToAccessStoreException e) {
            // Another instance recorded the same package between our check and our insert.
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql) && hasPackage(version))
                return false;
            throw e;
        }
    }

    private static void requireOneChangePerMigration(PackageVersion version, List<LedgerChange> changes) {
        Set<String> seen = new HashSet<>();
        for (LedgerChange change : changes) {
            if (!seen.add(change.migration().version()))
                throw new IllegalArgumentException("package " + version + " lists migration "
                        + change.migration().version() + " twice");
        }
    }

    private void insertPackage(Connection c, PackageVersion version) throws SQLException {
        Jdbc.update(c, "INSERT INTO packages (version, major, minor, built_at, app_sha, packaging_sha, ingested_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, version.toString());
            s.setInt(2, version.major());
            s.setInt(3, version.minor());
            Jdbc.setInstant(s, 4, version.builtAt());
            s.setString(5, version.appSha());
            s.setString(6, version.packagingSha());
            Jdbc.setInstant(s, 7, clock.instant());
        });
    }

    private static void insertMigrationIfAbsent(Connection c, PostMigration m) throws SQLException {
        Jdbc.update(c, "INSERT INTO migrations (version, name, path, lookup_key) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", s -> {
            s.setString(1, m.version());
            s.setString(2, m.name());
            s.setString(3, m.path());
            s.setString(4, lookupKey(m.name()));
        });
    }

    private static void insertChanges(Connection c, PackageVersion version, List<LedgerChange> changes)
            throws SQLException {
        if (changes.isEmpty()) return;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO package_migrations"
                + " (package_version, migration_version, change, commit_sha, content_hash) VALUES (?, ?, ?, ?, ?)")) {
            for (LedgerChange change : changes) {
                s.setString(1, version.toString());
                s.setString(2, change.migration().version());
                s.setString(3, change.kind().column());
                s.setString(4, change.commitSha());
                s.setString(5, change.contentHash());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public boolean hasPackage(PackageVersion version) {
        return jdbc.first("look up package " + version, "SELECT 1 FROM packages WHERE version = ?",
                s -> s.setString(1, version.toString()), rs -> true).isPresent();
    }

    @Override
    public Optional<PackageVersion> latestPackage() {
        return jdbc.first("find the latest package", "SELECT " + PACKAGE_COLUMNS + " FROM packages p ORDER BY "
                + descending(PACKAGE_ORDER), Jdbc.none(), JdbcLedgerStore::packageVersion);
    }

    @Override
    public List<PackageVersion> packages() {
        return jdbc.list("list packages", "SELECT " + PACKAGE_COLUMNS + " FROM packages p ORDER BY " + PACKAGE_ORDER,
                Jdbc.none(), JdbcLedgerStore::packageVersion);
    }

    @Override
    public Optional<PackageVersion> introducedBy(String migrationVersion) {
        return jdbc.first("find the package that introduced " + migrationVersion,
                "SELECT " + PACKAGE_COLUMNS + " FROM package_migrations pm JOIN packages p ON p.version = pm.package_version"
                        + " WHERE pm.migration_version = ? AND pm.change = 'added' ORDER BY " + PACKAGE_ORDER,
                s -> s.setString(1, migrationVersion), JdbcLedgerStore::packageVersion);
    }

    @Override
    public List<LedgerEntry> changesOf(String migrationVersion) {
        return jdbc.list("list the ledger rows of " + migrationVersion,
                "SELECT " + PACKAGE_COLUMNS + ", " + MIGRATION_COLUMNS + ", pm.change, pm.commit_sha, pm.content_hash"
                        + " FROM package_migrations pm JOIN packages p ON p.version = pm.package_version"
                        + " JOIN migrations m ON m.version = pm.migration_version"
                        + " WHERE pm.migration_version = ? ORDER BY " + PACKAGE_ORDER,
                s -> s.setString(1, migrationVersion),
                rs -> new LedgerEntry(packageVersion(rs), migration(rs), LedgerChange.Kind.fromColumn(rs.getString("change")),
                        rs.getString("commit_sha"), rs.getString("content_hash")));
    }

    @Override
    public List<PostMigration> introducedIn(PackageVersion version) {
        return jdbc.list("list the migrations package " + version + " introduced",
                "SELECT " + MIGRATION_COLUMNS + " FROM package_migrations pm JOIN migrations m ON m.version = pm.migration_version"
                        + " WHERE pm.package_version = ? AND pm.change = 'added' ORDER BY m.version",
                s -> s.setString(1, version.toString()), JdbcLedgerStore::migration);
    }

    @Override
    public Optional<PostMigration> migration(String version) {
        return jdbc.first("look up migration " + version, "SELECT " + MIGRATION_COLUMNS + " FROM migrations m WHERE m.version = ?",
                s -> s.setString(1, version), JdbcLedgerStore::migration);
    }

    @Override
    public List<PostMigration> allMigrations() {
        return jdbc.list("list migrations", "SELECT " + MIGRATION_COLUMNS + " FROM migrations m ORDER BY m.version",
                Jdbc.none(), JdbcLedgerStore::migration);
    }

    @Override
    public List<PostMigration> findMigrations(String ref) {
        if (ref == null || ref.isBlank()) return List.of();
        String trimmed = ref.trim();
        String lowered = trimmed.toLowerCase(Locale.ROOT);
        String action = "find migrations matching \"" + trimmed + "\"";
        String select = "SELECT " + MIGRATION_COLUMNS + " FROM migrations m WHERE ";
        String order = " ORDER BY m.version";

        String fileName = lowered.substring(lowered.lastIndexOf('/') + 1);
        if (fileName.endsWith(".rb")) fileName = fileName.substring(0, fileName.length() - 3);

        if (lowered.contains("/")) {
            String path = lowered;
            List<PostMigration> byPath = jdbc.list(action, select + "LOWER(m.path) = ?" + order, s -> s.setString(1, path),
                    JdbcLedgerStore::migration);
            if (!byPath.isEmpty()) return byPath;
        }
        Matcher file = FILE_NAME.matcher(fileName);
        if (file.matches()) {
            String version = file.group(1);
            String name = file.group(2);
            return jdbc.list(action, select + "m.version = ? AND LOWER(m.name) = ?" + order, s -> {
                s.setString(1, version);
                s.setString(2, name);
            }, JdbcLedgerStore::migration);
        }
        if (DIGITS.matcher(fileName).matches()) {
            String prefix = fileName;
            return jdbc.list(action, select + "m.version LIKE ?" + order, s -> s.setString(1, prefix + "%"),
                    JdbcLedgerStore::migration);
        }
        // A class name is the snake name without its underscores, whatever the case of its acronyms.
        String key = lookupKey(fileName);
        return jdbc.list(action, select + "m.lookup_key = ?" + order, s -> s.setString(1, key), JdbcLedgerStore::migration);
    }

    /** The indexed form of a name: lower case without underscores, so a snake name and a class name meet. */
    static String lookupKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "");
    }

    @Override
    public long packageCount() {
        return count("packages");
    }

    @Override
    public long migrationCount() {
        return count("migrations");
    }

    private long count(String table) {
        return jdbc.first("count " + table, "SELECT COUNT(*) FROM " + table, Jdbc.none(), rs -> rs.getLong(1)).orElse(0L);
    }

    private static String descending(String order) {
        return String.join(" DESC, ", order.split(", ")) + " DESC";
    }

    private static PackageVersion packageVersion(ResultSet rs) throws SQLException {
        return new PackageVersion(rs.getInt("major"), rs.getInt("minor"), Jdbc.instant(rs, "built_at"),
                rs.getString("app_sha"), rs.getString("packaging_sha"));
    }

    private static PostMigration migration(ResultSet rs) throws SQLException {
        return new PostMigration(rs.getString("version"), rs.getString("name"), rs.getString("path"));
    }
}
