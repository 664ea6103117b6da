package pdmbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.ConfigLoader;
import pdmbot.config.InvalidConfigurationException;
import pdmbot.run.RunPlan;
import pdmbot.run.RunStep;

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
}
