package pdmbot.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;

/** Pending = deployed on the environment, applies to the database, not yet run there. */
class PendingMigrationsTest {

    private static final AutoDeployPackage PKG = new AutoDeployPackage(
            PackageVersion.parse("16.6.202311011200-0123456789a.bcdef012345").orElseThrow(),
            "0123456789abcdef0123456789abcdef01234567", "refs/tags/16.6.202311011200-0123456789a.bcdef012345");
    private static final String CI_ONLY = "db/post_migrate/20231101000001_add_index_ci_builds.rb";
    private static final String MAIN_ONLY = "db/post_migrate/20231101000002_remove_users_column.rb";
    private static final String BOTH = "db/post_migrate/20231101000003_no_op.rb";

    private final Map<String, String> files = Map.of(
            CI_ONLY, "class CiOnly < Gitlab::Database::Migration[2.1]\n  restrict_gitlab_migration gitlab_schema: :gitlab_ci\n  def up\n  end\nend\n",
            MAIN_ONLY, "class MainOnly < Gitlab::Database::Migration[2.1]\n  restrict_gitlab_migration gitlab_schema: :gitlab_main\n  def up\n  end\nend\n",
            BOTH, "class Both < Gitlab::Database::Migration[2.1]\n  def up\n  end\nend\n");
    private final InMemoryDatabaseState databases = new InMemoryDatabaseState();
    private final FixedPackageSource source = new FixedPackageSource();
    // the databases are the classification's answer (issue 11 item 6), as in the bot
    private final PendingMigrations pending = new PendingMigrations(source, env ->
            env == Environment.GSTG ? Optional.of(PKG) : Optional.empty(), databases,
            pdmbot.run.ClassifiedDatabases.builtIn(source));

    @Test
    void nothing_ran_means_each_migration_is_pending_on_each_database_it_applies_to() {
        assertThat(pending.pendingOn(Environment.GSTG))
                .extracting(p -> p.migration().path(), PendingMigration::database)
                .containsExactly(
                        tuple(CI_ONLY, LogicalDatabase.CI),
                        tuple(MAIN_ONLY, LogicalDatabase.MAIN),
                        tuple(BOTH, LogicalDatabase.MAIN),
                        tuple(BOTH, LogicalDatabase.CI));
    }

    @Test
    void a_run_on_one_database_leaves_the_other_pending() {
        databases.recordRun(Environment.GSTG, LogicalDatabase.MAIN, "20231101000003", Instant.EPOCH);
        databases.recordRun(Environment.GSTG, LogicalDatabase.CI, "20231101000001", Instant.EPOCH);
        databases.recordRun(Environment.GPRD, LogicalDatabase.MAIN, "20231101000002", Instant.EPOCH);

        assertThat(pending.pendingOn(Environment.GSTG))
                .extracting(p -> p.migration().version(), PendingMigration::database)
                .containsExactly(tuple("20231101000002", LogicalDatabase.MAIN), tuple("20231101000003", LogicalDatabase.CI));
    }

    @Test
    void an_environment_without_a_deployment_has_nothing_pending() {
        assertThat(pending.pendingOn(Environment.GPRD)).isEmpty();
        assertThat(pending.hasPending(Environment.GPRD)).isFalse();
    }

    @Test
    void canaries_are_refused_because_post_deploy_migrations_do_not_run_there() {
        assertThatThrownBy(() -> pending.pendingOn(Environment.GPRD_CNY)).isInstanceOf(IllegalArgumentException.class);
    }

    private final class FixedPackageSource implements PackageSource {
        @Override
        public List<AutoDeployPackage> packages() {
            return List.of(PKG);
        }

        @Override
        public List<MigrationChange> postMigrationChanges(AutoDeployPackage pkg, Optional<AutoDeployPackage> previous) {
            return List.of();
        }

        @Override
        public List<PostMigration> postMigrationsAt(AutoDeployPackage pkg) {
            List<PostMigration> all = new ArrayList<>();
            files.keySet().forEach(path -> all.add(PostMigration.fromPath(path).orElseThrow()));
            all.sort((a, b) -> a.version().compareTo(b.version()));
            return all;
        }

        @Override
        public Optional<byte[]> fileAt(AutoDeployPackage pkg, String path) {
            return Optional.ofNullable(files.get(path)).map(s -> s.getBytes(StandardCharsets.UTF_8));
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

    private static final class InMemoryDatabaseState implements DatabaseState {
        private final Map<String, Instant> runs = new HashMap<>();

        @Override
        public List<MigrationRun> ranOn(Environment environment, LogicalDatabase database) {
            String prefix = environment.id() + "/" + database.id() + "/";
            return runs.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(e -> new MigrationRun(e.getKey().substring(prefix.length()), e.getValue()))
                    .sorted((a, b) -> a.version().compareTo(b.version())).toList();
        }

        @Override
        public void recordRun(Environment environment, LogicalDatabase database, String version, Instant ranAt) {
            runs.putIfAbsent(environment.id() + "/" + database.id() + "/" + version, ranAt);
        }
    }
}
