package pdmbot.storage.classifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pdmbot.domain.LogicalDatabase;
import pdmbot.storage.Jdbc;

/** Classifications on plain JDBC; natures and databases are stored comma-separated. */
public final class JdbcClassificationStore implements ClassificationStore {

    private static final String COLUMNS =
            "migration_version, content_hash, dominant, natures, databases, reasons, facts, classified_at";

    private final Jdbc jdbc;

    public JdbcClassificationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredClassification> find(String migrationVersion, String contentHash) {
        return jdbc.first("read the classification of " + migrationVersion,
                "SELECT " + COLUMNS + " FROM classifications WHERE migration_version = ? AND content_hash = ?", s -> {
                    s.setString(1, migrationVersion);
                    s.setString(2, contentHash);
                }, JdbcClassificationStore::classification);
    }

    @Override
    public void save(StoredClassification c) {
        String action = "save the classification of " + c.migrationVersion();
        // Update, else insert, else (another instance inserted meanwhile) update: portable upsert.
        if (update(action, c) > 0) return;
        int inserted = jdbc.update(action, "INSERT INTO classifications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", s -> {
            s.setString(1, c.migrationVersion());
            s.setString(2, c.contentHash());
            s.setString(3, c.dominant());
            s.setString(4, String.join(",", c.natures()));
            s.setString(5, LogicalDatabase.format(c.databases()));
            s.setString(6, c.reasonsJson());
            s.setString(7, c.factsJson());
            Jdbc.setInstant(s, 8, c.classifiedAt());
        });
        if (inserted == 0) update(action, c);
    }

    private int update(String action, StoredClassification c) {
        return jdbc.update(action, "UPDATE classifications SET dominant = ?, natures = ?, databases = ?, reasons = ?,"
                + " facts = ?, classified_at = ? WHERE migration_version = ? AND content_hash = ?", s -> {
            s.setString(1, c.dominant());
            s.setString(2, String.join(",", c.natures()));
            s.setString(3, LogicalDatabase.format(c.databases()));
            s.setString(4, c.reasonsJson());
            s.setString(5, c.factsJson());
            Jdbc.setInstant(s, 6, c.classifiedAt());
            s.setString(7, c.migrationVersion());
            s.setString(8, c.contentHash());
        });
    }

    @Override
    public Optional<StoredClassification> latestFor(String migrationVersion) {
        return jdbc.first("read the latest classification of " + migrationVersion,
                "SELECT " + COLUMNS + " FROM classifications WHERE migration_version = ? ORDER BY classified_at DESC, content_hash",
                s -> s.setString(1, migrationVersion), JdbcClassificationStore::classification);
    }

    private static StoredClassification classification(ResultSet rs) throws SQLException {
        String natures = rs.getString("natures");
        List<String> natureList = natures.isEmpty() ? List.of() : Arrays.asList(natures.split(","));
        Set<LogicalDatabase> databases = EnumSet.noneOf(LogicalDatabase.class);
        for (String id : rs.getString("databases").split(",")) {
            databases.add(LogicalDatabase.byId(id)
                    .orElseThrow(() -> new SQLException("unknown logical database in classifications: " + id)));
        }
        return new StoredClassification(rs.getString("migration_version"), rs.getString("content_hash"),
                rs.getString("dominant"), natureList, databases, rs.getString("reasons"), rs.getString("facts"),
                Jdbc.instant(rs, "classified_at"));
    }
}
