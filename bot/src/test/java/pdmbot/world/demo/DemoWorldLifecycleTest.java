package pdmbot.world.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.domain.Environment;
import pdmbot.world.PendingMigration;

/** Generating, reusing and refusing the demo world directory. */
class DemoWorldLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void the_same_seed_in_two_directories_gives_the_same_shas_and_state() throws Exception {
        Map<String, String> first;
        Map<String, String> second;
        String firstState;
        String secondState;
        try (DemoWorld a = DemoWorld.ensure(dir.resolve("a"), 7L); DemoWorld b = DemoWorld.ensure(dir.resolve("b"), 7L)) {
            first = DemoWorldTest.tagsToShas(a.repository());
            second = DemoWorldTest.tagsToShas(b.repository());
            firstState = Files.readString(a.stateFile());
            secondState = Files.readString(b.stateFile());
            System.out.printf("demo world generation: %d ms, then %d ms%n",
                    a.generationTime().toMillis(), b.generationTime().toMillis());
        }

        assertThat(first).hasSizeGreaterThanOrEqualTo(30).isEqualTo(second);
        assertThat(firstState).isEqualTo(secondState);
    }

    @Test
    void another_seed_gives_another_history() throws Exception {
        try (DemoWorld a = DemoWorld.ensure(dir.resolve("a"), 1L); DemoWorld b = DemoWorld.ensure(dir.resolve("b"), 2L)) {
            assertThat(DemoWorldTest.tagsToShas(a.repository())).isNotEqualTo(DemoWorldTest.tagsToShas(b.repository()));
        }
    }

    @Test
    void an_existing_world_is_reused_with_the_runs_recorded_since() {
        Instant ranAt = Instant.parse("2023-11-12T10:00:00Z");
        PendingMigration pending;
        try (DemoWorld first = DemoWorld.ensure(dir)) {
            pending = first.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(first.packages())).pendingOn(Environment.GSTG).get(0);
            first.databases().recordRun(Environment.GSTG, pending.database(), pending.migration().version(), ranAt);
        }

        try (DemoWorld again = DemoWorld.ensure(dir, 999L)) {
            assertThat(again.wasGenerated()).isFalse();
            assertThat(again.seed()).isEqualTo(DemoWorld.DEFAULT_SEED);
            assertThat(again.databases().ranAt(Environment.GSTG, pending.database(), pending.migration().version()))
                    .contains(ranAt);
            assertThat(again.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(again.packages())).pendingOn(Environment.GSTG)).doesNotContain(pending);
        }
    }

    @Test
    void a_damaged_state_file_is_reported_and_left_alone() throws Exception {
        try (DemoWorld world = DemoWorld.ensure(dir)) {
            Files.writeString(world.stateFile(), "{ not json");
        }

        assertThatThrownBy(() -> DemoWorld.ensure(dir))
                .isInstanceOf(UnableToOpenDemoWorldException.class)
                .hasMessageContaining(dir.resolve("demo").toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("delete it to generate a fresh demo world");
        assertThat(Files.readString(dir.resolve("demo/state.json"))).isEqualTo("{ not json");
    }

    @Test
    void a_demo_directory_without_a_repository_is_reported() throws Exception {
        Files.createDirectories(dir.resolve("demo/repo"));
        try (DemoWorld elsewhere = DemoWorld.ensure(dir.resolve("other"))) {
            Files.copy(elsewhere.stateFile(), dir.resolve("demo/state.json"));
        }

        assertThatThrownBy(() -> DemoWorld.ensure(dir))
                .isInstanceOf(UnableToOpenDemoWorldException.class)
                .hasMessageContaining("is not a git repository");
    }

    @Test
    void generation_leaves_no_temporary_directory_behind() throws Exception {
        try (DemoWorld world = DemoWorld.ensure(dir)) {
            assertThat(world.wasGenerated()).isTrue();
        }

        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("demo");
        }
    }
}
