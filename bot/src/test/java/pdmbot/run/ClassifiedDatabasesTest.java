package pdmbot.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.CommitInfo;
import pdmbot.world.Lookup;
import pdmbot.world.MigrationChange;
import pdmbot.world.PackageSource;

/**
 * The one answer to "which databases does this migration run on" is the classification's (issue 11 item 6): these
 * are the cases the regex stand-in {@code MigrationDatabases} answered, now asked of the rules.
 */
class ClassifiedDatabasesTest {

    private static final PostMigration MIGRATION = PostMigration.fromPath("db/post_migrate/20240102030405_foo.rb").orElseThrow();
    private static final AutoDeployPackage PACKAGE = new AutoDeployPackage(
            PackageVersion.parse("16.7.202311090620-66b715d55af.d3f7b0a0e28").orElseThrow(), "a".repeat(40), "refs/tags/x");
    private static String content = "";
    private static final ClassifiedDatabases DATABASES = ClassifiedDatabases.builtIn(new OneFile());

    private static Set<LogicalDatabase> of(String body) {
        content = "class Foo < Gitlab::Database::Migration[2.1]\n" + body + "\n  def up\n    remove_column :foos, :bar\n  end\nend\n";
        return DATABASES.of(PACKAGE, MIGRATION);
    }

    @Test
    void a_ci_schema_restriction_means_the_ci_database() {
        assertThat(of("  restrict_gitlab_migration gitlab_schema: :gitlab_ci\n")).containsExactly(LogicalDatabase.CI);
    }

    @Test
    void main_family_schemas_mean_the_main_database() {
        assertThat(of("  restrict_gitlab_migration gitlab_schema: :gitlab_main_cell")).containsExactly(LogicalDatabase.MAIN);
        assertThat(of("  restrict_gitlab_migration gitlab_schema: :gitlab_main")).containsExactly(LogicalDatabase.MAIN);
        assertThat(of("  restrict_gitlab_migration gitlab_schema: :gitlab_sec")).containsExactly(LogicalDatabase.MAIN);
    }

    @Test
    void no_restriction_means_both_databases() {
        assertThat(of("")).containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
    }

    @Test
    void a_restriction_inside_a_comment_is_ignored() {
        assertThat(of("  # restrict_gitlab_migration gitlab_schema: :gitlab_ci\n"))
                .containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
    }

    @Test
    void a_shared_schema_means_both_databases() {
        assertThat(of("  restrict_gitlab_migration gitlab_schema: :gitlab_shared"))
                .containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
    }

    @Test
    void a_package_without_the_file_runs_it_on_every_database() {
        content = null;
        assertThat(DATABASES.of(PACKAGE, MIGRATION)).containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
    }

    /** A package source holding one file, whatever {@link #content} says now. */
    private static final class OneFile implements PackageSource {
        @Override
        public List<AutoDeployPackage> packages() {
            return List.of(PACKAGE);
        }

        @Override
        public List<MigrationChange> postMigrationChanges(AutoDeployPackage pkg, Optional<AutoDeployPackage> previous) {
            return List.of();
        }

        @Override
        public List<PostMigration> postMigrationsAt(AutoDeployPackage pkg) {
            return List.of(MIGRATION);
        }

        @Override
        public Optional<byte[]> fileAt(AutoDeployPackage pkg, String path) {
            return Optional.ofNullable(content).map(c -> c.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Lookup<CommitInfo> findCommit(String shaOrPrefix) {
            return new Lookup.NotFound<>(shaOrPrefix, "no commits here");
        }

        @Override
        public boolean contains(AutoDeployPackage pkg, String commitSha) {
            return false;
        }
    }
}
