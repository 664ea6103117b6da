package pdmbot.world.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.domain.PostMigration;
import pdmbot.emulator.Emulator;
import pdmbot.emulator.EmulatorClock;
import pdmbot.emulator.EmulatorSettings;
import pdmbot.run.ClassifiedDatabases;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.PendingMigration;
import pdmbot.world.PendingMigrations;
import pdmbot.world.gitlab.GitLabSettings;
import pdmbot.world.gitlab.GitLabWorld;

/**
 * The demo's starting environments as the seeded GitLab emulator serves them, read through {@link GitLabWorld}: what
 * runs where and what is pending (DemoEnvironmentsTest holds the same on the local checkout's per-database state).
 * Not ported: that recorded runs sit only on the databases their restriction allows, because GitLabDatabaseState
 * answers {@code ranOn} from {@code db/X} deployments alone, the same list for main and ci.
 */
class DemoSeedEnvironmentsTest {

    @TempDir
    static Path folder;
    static Emulator emulator;
    static GitLabWorld world;
    static List<PendingMigration> onGstg;
    static List<PendingMigration> onGprd;

    @BeforeAll
    static void seed() {
        emulator = Emulator.start(folder, 0, EmulatorClock.system(), EmulatorSettings.defaults());
        DemoSeed.Seeded seeded = DemoSeed.ensure(emulator, DemoSeed.DEFAULT_SEED);
        // the demo's own settings (DemoGitLab.settings): GitLab.com's layout, packages from the omnibus tags
        world = GitLabWorld.open(new GitLabSettings(emulator.url(), DemoSeed.CANONICAL, DemoSeed.SECURITY, DemoSeed.PRODUCTION,
                seeded.token(), "PDM_GITLAB_TOKEN", Duration.ofSeconds(10), Optional.of(seeded.releaseIssue()),
                PackageVersion.PATTERN, GitLabSettings.Pipelines.DEFAULT,
                new GitLabSettings.Packages(GitLabSettings.PackageConvention.OMNIBUS_TAGS, DemoSeed.OMNIBUS, "master"),
                GitLabSettings.Tracker.DEFAULT, GitLabSettings.Ops.SAME));
        PendingMigrations pending = new PendingMigrations(world.packages(), world.deployments(), world.databases(),
                ClassifiedDatabases.builtIn(world.packages()));
        onGstg = pending.pendingOn(Environment.GSTG);
        onGprd = pending.pendingOn(Environment.GPRD);
    }

    @AfterAll
    static void stop() {
        world.close();
        emulator.close();
    }

    private static Set<String> versions(List<PendingMigration> pending) {
        return pending.stream().map(p -> p.migration().version()).collect(Collectors.toSet());
    }

    private static Set<LogicalDatabase> databasesOf(PostMigration migration) {
        AutoDeployPackage newest = world.deployments().packageOn(Environment.GSTG_CNY).orElseThrow();
        return ClassifiedDatabases.builtIn(world.packages()).of(newest, migration);
    }

    @Test
    void production_runs_an_older_package_than_staging_and_canaries_run_the_newest() {
        var on = world.deployments().current();

        assertThat(on).containsOnlyKeys(Environment.known());
        assertThat(on.get(Environment.GPRD)).isLessThan(on.get(Environment.GSTG));
        assertThat(on.get(Environment.GSTG)).isLessThan(on.get(Environment.GPRD_CNY));
        assertThat(on.get(Environment.GPRD_CNY)).isLessThan(on.get(Environment.GSTG_CNY));
        List<AutoDeployPackage> packages = world.packages().packages();
        assertThat(on.get(Environment.GSTG_CNY)).isEqualTo(packages.get(packages.size() - 1));
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
    void pending_migrations_are_only_on_databases_their_restriction_allows() {
        assertThat(onGstg).isNotEmpty();
        assertThat(onGstg).allSatisfy(p -> assertThat(databasesOf(p.migration())).contains(p.database()));
        assertThat(onGprd).allSatisfy(p -> assertThat(databasesOf(p.migration())).contains(p.database()));
    }

    @Test
    void production_ran_fewer_migrations_than_staging() {
        for (LogicalDatabase db : LogicalDatabase.values()) {
            assertThat(world.databases().ranOn(Environment.GPRD, db).size())
                    .isLessThan(world.databases().ranOn(Environment.GSTG, db).size());
        }
    }
}
