package pdmbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import pdmbot.storage.testing.StoreContract;
import pdmbot.storage.testing.TestDatabases;

/** The production Flyway scripts give the same schema on H2 and on PostgreSQL. */
abstract class SchemaContract extends StoreContract {

    // A real dialect difference: H2 reports a failed CHECK as 23513, PostgreSQL as 23514.
    static final String CHECK_VIOLATION_ON_H2 = "23513";
    static final String CHECK_VIOLATION_ON_POSTGRESQL = "23514";

    @Test
    void every_table_of_the_schema_exists_and_starts_empty() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TestDatabases.TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isZero();
                }
            }
        }
    }

    @Test
    void flyway_records_every_script_as_applied() throws Exception {
        assertThat(appliedVersions()).isEqualTo(scriptVersions());
    }

    @Test
    void opening_a_migrated_database_again_applies_nothing_more() throws Exception {
        try (Database again = anotherInstance()) {
            assertThat(again.stores().ledger().packageCount()).isZero();
        }
        assertThat(appliedVersions()).isEqualTo(scriptVersions());
    }

    @Test
    void a_lock_row_for_the_same_environment_twice_is_refused_by_the_primary_key() throws SQLException {
        String insert = "INSERT INTO environment_locks (environment, locked_by, locked_at) VALUES ('gprd', 'x', CURRENT_TIMESTAMP)";
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(insert);

            assertThatThrownBy(() -> s.executeUpdate(insert)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(Jdbc.isUniqueViolation(e)).isTrue());
        }
    }

    @Test
    void a_ledger_change_other_than_added_modified_or_removed_is_refused() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO packages VALUES ('16.6.202311010800-aaaaaaaaaa1.bbbbbbbbbb1', 16, 6,"
                    + " CURRENT_TIMESTAMP, 'aaaaaaaaaa1', 'bbbbbbbbbb1', CURRENT_TIMESTAMP)");
            s.executeUpdate("INSERT INTO migrations (version, name, path) VALUES ('20231025120000', 'add_index', 'db/post_migrate/x.rb')");

            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO package_migrations (package_version, migration_version, change)"
                    + " VALUES ('16.6.202311010800-aaaaaaaaaa1.bbbbbbbbbb1', '20231025120000', 'renamed')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isIn(CHECK_VIOLATION_ON_H2, CHECK_VIOLATION_ON_POSTGRESQL));
        }
    }

    /** The versions of the V<n>__*.sql scripts on the classpath, in order: every module adds its own. */
    private static String scriptVersions() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of(SchemaContract.class.getResource("/db/migration").toURI());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        }
    }

    private String appliedVersions() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            StringBuilder versions = new StringBuilder();
            while (rs.next()) {
                if (versions.length() > 0) versions.append(',');
                versions.append(rs.getString(1));
            }
            return versions.toString();
        }
    }
}
