package pdmbot.world.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.domain.LogicalDatabase;
import pdmbot.domain.PackageVersion;
import pdmbot.world.AutoDeployPackage;
import pdmbot.world.MigrationRun;

/** state.json: round-trips, atomic write-through, and the ports over it. */
class DemoStateTest {

    private static final Instant T1 = Instant.parse("2023-11-05T06:00:00Z");
    private static final Instant T2 = Instant.parse("2023-11-06T06:00:00Z");
    private static final AutoDeployPackage PKG = new AutoDeployPackage(
            PackageVersion.parse("16.6.202311011200-0123456789a.bcdef012345").orElseThrow(),
            "0123456789abcdef0123456789abcdef01234567", "refs/tags/16.6.202311011200-0123456789a.bcdef012345");

    @TempDir
    Path dir;

    private DemoStateFile newFile() {
        Path file = dir.resolve("state.json");
        DemoStateFile.write(file, DemoState.empty(42L));
        return DemoStateFile.load(file);
    }

    @Test
    void a_state_written_and_read_back_is_equal() {
        DemoState state = DemoState.empty(42L)
                .withDeployment(Environment.GSTG, PKG)
                .withRun(Environment.GSTG, LogicalDatabase.CI, "20231101000000", T1)
                .withRun(Environment.GPRD, LogicalDatabase.MAIN, "20231101000001", T2);
        Path file = dir.resolve("state.json");

        DemoStateFile.write(file, state);

        assertThat(DemoStateFile.load(file).read()).isEqualTo(state);
    }

    @Test
    void a_recorded_run_is_saved_at_once_and_seen_after_reloading() {
        DemoDatabaseState databases = new DemoDatabaseState(newFile());

        databases.recordRun(Environment.GPRD, LogicalDatabase.CI, "20231101000000", T1);

        DemoDatabaseState reloaded = new DemoDatabaseState(DemoStateFile.load(dir.resolve("state.json")));
        assertThat(reloaded.hasRun(Environment.GPRD, LogicalDatabase.CI, "20231101000000")).isTrue();
        assertThat(reloaded.hasRun(Environment.GPRD, LogicalDatabase.MAIN, "20231101000000")).isFalse();
        assertThat(reloaded.hasRun(Environment.GSTG, LogicalDatabase.CI, "20231101000000")).isFalse();
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();
    }

    @Test
    void recording_a_run_twice_keeps_the_first_time() {
        DemoDatabaseState databases = new DemoDatabaseState(newFile());

        databases.recordRun(Environment.GSTG, LogicalDatabase.MAIN, "20231101000000", T1);
        databases.recordRun(Environment.GSTG, LogicalDatabase.MAIN, "20231101000000", T2);

        assertThat(databases.ranOn(Environment.GSTG, LogicalDatabase.MAIN))
                .containsExactly(new MigrationRun("20231101000000", T1));
    }

    @Test
    void canaries_have_no_post_deploy_migration_state() {
        DemoDatabaseState databases = new DemoDatabaseState(newFile());

        assertThatThrownBy(() -> databases.recordRun(Environment.GSTG_CNY, LogicalDatabase.MAIN, "20231101000000", T1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gstg-cny");
    }

    @Test
    void a_deployment_is_saved_and_read_back_as_the_same_package() {
        DemoStateFile file = newFile();

        new DemoDeployments(file).deploy(Environment.GPRD_CNY, PKG);

        assertThat(new DemoDeployments(DemoStateFile.load(file.path())).packageOn(Environment.GPRD_CNY)).contains(PKG);
        assertThat(new DemoDeployments(file).packageOn(Environment.GPRD)).isEmpty();
    }

    @Test
    void concurrent_recordings_are_all_kept() throws Exception {
        DemoStateFile file = newFile();
        DemoDatabaseState databases = new DemoDatabaseState(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String version = String.format("202311010000%02d", i);
            done.add(pool.submit(() -> databases.recordRun(Environment.GSTG, LogicalDatabase.CI, version, T1)));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        assertThat(DemoStateFile.load(file.path()).read().runs(Environment.GSTG, LogicalDatabase.CI)).hasSize(40);
    }

    @Test
    void a_state_with_an_unknown_environment_is_reported_as_damaged() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, """
                {"seed": 1, "deployments": {}, "databases": {"db/gstg-cny": {"main": {}}}}
                """);

        assertThatThrownBy(() -> DemoStateFile.load(file))
                .isInstanceOf(UnableToOpenDemoWorldException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("db/gstg-cny");
    }
}
