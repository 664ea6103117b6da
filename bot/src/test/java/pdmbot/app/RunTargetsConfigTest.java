package pdmbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.domain.Environment;
import pdmbot.run.RunPlan;
import pdmbot.run.RunStep;
import pdmbot.config.RunTarget;

/** Issue 11 item 3: the run's targets come from {@code run.targets}, validated strictly; the steps follow from them. */
class RunTargetsConfigTest {

    @TempDir
    Path dir;

    private RunPlan planOf(String yaml) throws Exception {
        Path file = dir.resolve("pdm-bot.yaml");
        Files.writeString(file, yaml);
        return RunWiring.plan(ConfigLoader.load(file, Map.of()).run());
    }

    @Test
    void without_targets_a_run_migrates_gstg_then_qa_then_gprd() throws Exception {
        assertThat(planOf("run:\n  poll-seconds: 5\n").steps()).extracting(RunStep::id).containsExactly(
                "lock", "announce start", "gstg", "qa gstg", "gprd", "unlock", "release note", "announce end");
    }

    @Test
    void targets_in_the_configuration_give_the_steps_in_their_order_and_a_skipped_one_is_left_out() throws Exception {
        RunPlan plan = planOf("""
                run:
                  targets:
                    - environment: gstg
                      qa: true
                    - environment: gprd
                      qa: true
                """);
        assertThat(plan.steps()).extracting(RunStep::id).containsExactly(
                "lock", "announce start", "gstg", "qa gstg", "gprd", "qa gprd", "unlock", "release note", "announce end");

        RunPlan staging = planOf("""
                run:
                  targets:
                    - environment: gstg
                    - environment: gprd
                      skip: true
                """);
        assertThat(staging.steps()).extracting(RunStep::id).containsExactly(
                "lock", "announce start", "gstg", "unlock", "release note", "announce end");
    }

    @Test
    void a_target_without_post_deploy_migrations_is_refused_naming_its_key_and_line() {
        assertThatThrownBy(() -> planOf("""
                run:
                  targets:
                    - environment: gstg
                    - environment: mars
                """))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining("'mars' has no post-deploy migrations to run; expected one of gstg, gprd");
    }

    @Test
    void a_target_listed_twice_an_unknown_key_or_every_target_skipped_is_refused() {
        assertThatThrownBy(() -> planOf("run:\n  targets:\n    - environment: gstg\n    - environment: gstg\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("gstg is listed twice");
        assertThatThrownBy(() -> planOf("run:\n  targets:\n    - environment: gstg\n      skipp: true\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("skipp");
        assertThatThrownBy(() -> planOf("run:\n  targets:\n    - environment: gstg\n      skip: true\n"))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("every target is skipped");
    }

    @Test
    void an_environment_defined_in_the_configuration_is_a_target_between_the_known_ones() throws Exception {
        RunPlan plan = planOf("""
                run:
                  environments:
                    - id: cfg-ring-0
                      production: false
                      deploy-environment: cfg-ring-0-deploy
                  targets:
                    - environment: gstg
                      qa: true
                    - environment: cfg-ring-0
                    - environment: gprd
                """);
        assertThat(plan.steps()).extracting(RunStep::id).containsExactly(
                "lock", "announce start", "gstg", "qa gstg", "cfg-ring-0", "gprd", "unlock", "release note", "announce end");
        Environment ring = plan.environments().get(1);
        assertThat(ring.id()).isEqualTo("cfg-ring-0");
        assertThat(ring.isProduction()).isFalse();
        assertThat(ring.databaseEnvironment()).isEqualTo("db/cfg-ring-0");
        assertThat(ring.deployEnvironment()).isEqualTo("cfg-ring-0-deploy");
        assertThat(Environment.byId("db/cfg-ring-0")).contains(ring);
    }

    @Test
    void an_unknown_target_environment_is_refused_with_the_file_and_the_line_of_its_entry() {
        assertThatThrownBy(() -> planOf("""
                run:
                  poll-seconds: 5
                  targets:
                    - environment: gstg
                    - environment: gprd
                    - environment: ring-9
                """))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("pdm-bot.yaml: bad value for 'run.targets[2].environment' at line 6: 'ring-9' has no"
                        + " post-deploy migrations to run; expected one of gstg, gprd");
    }

    @Test
    void a_target_listed_twice_names_the_line_of_its_second_entry() {
        assertThatThrownBy(() -> planOf("run:\n  targets:\n    - environment: gstg\n      qa: true\n    - environment: gstg\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("bad value for 'run.targets[1].environment' at line 5: gstg is listed twice");
    }

    @Test
    void an_environment_that_redefines_a_known_one_or_is_defined_twice_is_refused_naming_its_line() {
        assertThatThrownBy(() -> planOf("run:\n  environments:\n    - id: gprd\n      production: false\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'run.environments[0].id' at line 3: gprd is one the bot knows by itself");
        assertThatThrownBy(() -> planOf("run:\n  environments:\n    - id: cfg-twice\n    - id: cfg-twice\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'run.environments[1].id' at line 4: cfg-twice is defined twice");
    }

    @Test
    void every_target_skipped_with_a_configured_one_is_refused_naming_the_targets_line() {
        assertThatThrownBy(() -> planOf("""
                run:
                  environments:
                    - id: cfg-ring-skipped
                  targets:
                    - environment: gstg
                      skip: true
                    - environment: cfg-ring-skipped
                      skip: true
                """))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("bad value for 'run.targets' at line 4: every target is skipped");
    }

    @Test
    void an_environment_defined_differently_than_earlier_in_the_process_is_refused_at_start() throws Exception {
        planOf("run:\n  environments:\n    - id: cfg-changed\n      production: true\n");
        assertThatThrownBy(() -> planOf("run:\n  environments:\n    - id: cfg-changed\n      production: false\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("run.environments[0]: cfg-changed is already defined differently");
    }

    @Test
    void gitlab_com_ships_its_cells_rings_as_skipped_targets_so_a_run_is_still_gstg_qa_gprd() {
        BotConfig config = ConfigLoader.load(Path.of("..", "config", "gitlab-com.yaml"), Map.of("PDM_GITLAB_TOKEN", "t"));
        assertThat(config.run().targets()).extracting(RunTarget::environment)
                .containsExactly("gstg", "cellsdev-ring-0", "gprd", "cellsprod-ring-2");
        assertThat(config.run().targets()).filteredOn(t -> t.environment().contains("ring"))
                .allMatch(RunTarget::skip);
        assertThat(RunWiring.plan(config.run()).steps()).extracting(RunStep::id).containsExactly(
                "lock", "announce start", "gstg", "qa gstg", "gprd", "unlock", "release note", "announce end");
        assertThat(Environment.byId("cellsprod-ring-2")).hasValueSatisfying(e -> assertThat(e.isProduction()).isTrue());
        assertThat(Environment.byId("cellsdev-ring-0")).hasValueSatisfying(e -> assertThat(e.isProduction()).isFalse());
    }
}
