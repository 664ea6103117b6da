package pdmbot.world;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pdmbot.domain.LogicalDatabase;

class MigrationDatabasesTest {

    @Test
    void a_ci_schema_restriction_means_the_ci_database() {
        assertThat(MigrationDatabases.of("  restrict_gitlab_migration gitlab_schema: :gitlab_ci\n"))
                .containsExactly(LogicalDatabase.CI);
    }

    @Test
    void main_family_schemas_mean_the_main_database() {
        assertThat(MigrationDatabases.of("restrict_gitlab_migration gitlab_schema: :gitlab_main_cell"))
                .containsExactly(LogicalDatabase.MAIN);
        assertThat(MigrationDatabases.of("restrict_gitlab_migration gitlab_schema: :gitlab_main"))
                .containsExactly(LogicalDatabase.MAIN);
        assertThat(MigrationDatabases.of("restrict_gitlab_migration gitlab_schema: :gitlab_sec"))
                .containsExactly(LogicalDatabase.MAIN);
    }

    @Test
    void no_restriction_means_both_databases() {
        assertThat(MigrationDatabases.of("class Foo < Gitlab::Database::Migration[2.1]\nend\n"))
                .containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
    }

    @Test
    void a_restriction_inside_a_comment_is_ignored() {
        assertThat(MigrationDatabases.of("  # restrict_gitlab_migration gitlab_schema: :gitlab_ci\n"))
                .containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
    }

    @Test
    void a_shared_schema_means_both_databases() {
        assertThat(MigrationDatabases.of("restrict_gitlab_migration gitlab_schema: :gitlab_shared"))
                .containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
    }
}
