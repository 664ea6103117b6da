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
import pdmbot.world.WorldException;
import pdmbot.world.git.GitPackageSource;

/** The demo history is the same for the same seed; a local checkout of it keeps its runs and refuses damage. */
class GeneratedCheckoutTest {

    @TempDir
    Path dir;

    @Test
    void the_same_seed_in_two_directories_gives_the_same_shas_and_state() throws Exception {
        Map<String, String> first;
        Map<String, String> second;
        String firstState;
        String secondState;
        try (GeneratedCheckout a = GeneratedCheckout.generate(dir.resolve("a"), 7L);
             GeneratedCheckout b = GeneratedCheckout.generate(dir.resolve("b"), 7L)) {
            first = DemoHistoryTest.tagsToShas(a.repository());
            second = DemoHistoryTest.tagsToShas(b.repository());
            firstState = Files.readString(a.stateFile());
            secondState = Files.readString(b.stateFile());
        }

        assertThat(first).hasSizeGreaterThanOrEqualTo(30).isEqualTo(second);
        assertThat(firstState).isEqualTo(secondState);
    }

    @Test
    void another_seed_gives_another_history() throws Exception {
        try (GeneratedCheckout a = GeneratedCheckout.generate(dir.resolve("a"), 1L);
             GeneratedCheckout b = GeneratedCheckout.generate(dir.resolve("b"), 2L)) {
            assertThat(DemoHistoryTest.tagsToShas(a.repository())).isNotEqualTo(DemoHistoryTest.tagsToShas(b.repository()));
        }
    }

    @Test
    void a_reopened_checkout_keeps_the_runs_recorded_since() {
        Instant ranAt = Instant.parse("2023-11-12T10:00:00Z");
        PendingMigration pending;
        try (GeneratedCheckout first = GeneratedCheckout.generate(dir)) {
            pending = first.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(first.packages())).pendingOn(Environment.GSTG).get(0);
            first.databases().recordRun(Environment.GSTG, pending.database(), pending.migration().version(), ranAt);
        }

        try (GeneratedCheckout again = GeneratedCheckout.open(dir)) {
            assertThat(again.databases().ranAt(Environment.GSTG, pending.database(), pending.migration().version()))
                    .contains(ranAt);
            assertThat(again.pendingMigrations(pdmbot.run.ClassifiedDatabases.builtIn(again.packages())).pendingOn(Environment.GSTG)).doesNotContain(pending);
        }
    }

    @Test
    void a_damaged_state_file_is_reported_and_left_alone() throws Exception {
        try (GeneratedCheckout world = GeneratedCheckout.generate(dir)) {
            Files.writeString(world.stateFile(), "{ not json");
        }

        assertThatThrownBy(() -> LocalEnvironmentState.openOrCreate(dir.resolve("state.json")))
                .isInstanceOf(UnableToOpenDemoWorldException.class)
                .hasMessageContaining(dir.resolve("state.json").toString())
                .hasMessageContaining("cannot be read as demo state");
        assertThat(Files.readString(dir.resolve("state.json"))).isEqualTo("{ not json");
    }

    @Test
    void a_folder_that_is_not_a_git_repository_is_reported() throws Exception {
        Files.createDirectories(dir.resolve("repo"));

        assertThatThrownBy(() -> GitPackageSource.open(dir.resolve("repo")))
                .isInstanceOf(WorldException.class)
                .hasMessageContaining("is not a git repository");
    }
}
