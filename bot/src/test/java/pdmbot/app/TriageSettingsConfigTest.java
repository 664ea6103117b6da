package pdmbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.triage.TriageSettings;

class TriageSettingsConfigTest {

    @TempDir
    Path dir;

    @Test
    void the_triage_section_sets_who_is_paged_who_reviews_and_when_it_reminds() throws Exception {
        Path file = dir.resolve("pdm-bot.yaml");
        Files.writeString(file, """
                triage:
                  on-call: "@dbre-oncall"
                  dev-escalation: "@backend-escalation"
                  database-maintainers: [alice, bob]
                  remind-after-minutes: 45
                  snooze-minutes: 15
                """);
        TriageSettings settings = TriageWiring.settings(ConfigLoader.load(file, Map.of()).triage(), List.of("demo-dba"));
        assertThat(settings.onCall()).isEqualTo("@dbre-oncall");
        assertThat(settings.devEscalation()).isEqualTo("@backend-escalation");
        assertThat(settings.databaseMaintainers()).containsExactly("alice", "bob");
        assertThat(settings.remindAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(settings.snooze()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void without_the_section_the_runbook_defaults_and_the_worlds_own_maintainers_apply() {
        TriageSettings settings = TriageWiring.settings(BotConfig.defaults().triage(), List.of("demo-dba"));
        assertThat(settings.onCall()).isEqualTo("@sre-oncall");
        assertThat(settings.databaseMaintainers()).containsExactly("demo-dba");
        assertThat(settings.remindAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.snooze()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_reminder_period_that_is_not_positive_is_refused_with_its_key() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "triage:\n  remind-after-minutes: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessageContaining("remind-after-minutes");
    }
}
