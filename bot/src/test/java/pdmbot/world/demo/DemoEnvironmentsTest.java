package pdmbot.world.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PostMigration;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.MigrationRun;
import pdmbot.world.PendingMigration;

/** The demo's starting environments (DemoStatePlanner, as a local checkout holds them): what runs where, what is pending on which database. */
class DemoEnvironmentsTest {

    @TempDir
    static Path dataDir;

    private static GeneratedCheckout world;
    private static List<PendingMigration> onGstg;
    private static List<PendingMigration> onGprd;

    @BeforeAll
    static void generate() {
        world = GeneratedCheckout.generate(dataDir);
        onGstg = world.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(world.packages())).pendingOn(Environment.GSTG);
        onGprd = world.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(world.packages())).pendingOn(Environment.GPRD);
    }

    @AfterAll
    static void close() {
        world.close();
    }

    private static Set<String> versions(List<PendingMigration> pending) {
        return pending.stream().map(p -> p.migration().version()).collect(Collectors.toSet());
    }

    private static Set<LogicalDatabase> databasesOf(PostMigration migration) {
        AutoDeployPackage newest = world.deployments().packageOn(Environment.GSTG_CNY).orElseThrow();
        return pdmbot.run.ClassifiedDatabases.builtIn(world.packages()).of(newest, migration);
    }

    @Test
    void production_runs_an_older_package_than_staging_and_canaries_run_the_newest() {
        var on = world.deployments().current();

        assertThat(on).containsOnlyKeys(Environment.known());
        assertThat(on.get(Environment.GPRD)).isLessThan(on.get(Environment.GSTG));
        assertThat(on.get(Environment.GSTG)).isLessThan(on.get(Environment.GPRD_CNY));
        assertThat(on.get(Environment.GPRD_CNY)).isLessThan(on.get(Environment.GSTG_CNY));
        assertThat(on.get(Environment.GSTG_CNY)).isEqualTo(world.packages().packages().get(world.packages().packages().size() - 1));
    }

    @Test
    void some_migrations_are_pending_on_staging_only() {
        Set<String> stagingOnly = versions(onGstg);
        stagingOnly.removeAll(versions(onGprd));

        assertThat(stagingOnly).isNotEmpty();
    }

    @Test
    void some_migrations_are_pending_on_both_environments() {
        Set<String> both = versions(onGstg);
        both.retainAll(versions(onGprd));

        assertThat(both).isNotEmpty();
    }

    @Test
    void some_migrations_are_pending_on_the_ci_database_only() {
        Set<String> ciOnly = onGstg.stream().filter(p -> p.database() == LogicalDatabase.CI)
                .map(p -> p.migration().version()).collect(Collectors.toSet());
        ciOnly.removeAll(onGstg.stream().filter(p -> p.database() == LogicalDatabase.MAIN)
                .map(p -> p.migration().version()).collect(Collectors.toSet()));

        assertThat(ciOnly).isNotEmpty();
    }

    @Test
    void a_migration_for_both_databases_ran_on_main_but_is_pending_on_ci() {
        assertThat(onGstg).anySatisfy(p -> {
            assertThat(p.database()).isEqualTo(LogicalDatabase.CI);
            assertThat(databasesOf(p.migration())).containsExactlyInAnyOrder(LogicalDatabase.MAIN, LogicalDatabase.CI);
            assertThat(world.databases().hasRun(Environment.GSTG, LogicalDatabase.MAIN, p.migration().version())).isTrue();
        });
    }

    @Test
    void pending_migrations_are_only_on_databases_their_restriction_allows() {
        assertThat(onGstg).isNotEmpty();
        assertThat(onGstg).allSatisfy(p -> assertThat(databasesOf(p.migration())).contains(p.database()));
        assertThat(onGprd).allSatisfy(p -> assertThat(databasesOf(p.migration())).contains(p.database()));
    }

    @Test
    void recorded_runs_are_only_on_databases_their_restriction_allows() {
        AutoDeployPackage newest = world.deployments().packageOn(Environment.GSTG_CNY).orElseThrow();
        var byVersion = world.packages().postMigrationsAt(newest).stream()
                .collect(Collectors.toMap(PostMigration::version, m -> m));
        for (Environment env : List.of(Environment.GSTG, Environment.GPRD)) {
            for (LogicalDatabase db : LogicalDatabase.values()) {
                for (MigrationRun run : world.databases().ranOn(env, db)) {
                    assertThat(databasesOf(byVersion.get(run.version()))).as("%s on %s %s", run.version(), env, db)
                            .contains(db);
                }
            }
        }
    }

    @Test
    void production_ran_fewer_migrations_than_staging() {
        for (LogicalDatabase db : LogicalDatabase.values()) {
            assertThat(world.databases().ranOn(Environment.GPRD, db).size())
                    .isLessThan(world.databases().ranOn(Environment.GSTG, db).size());
        }
    }
}
