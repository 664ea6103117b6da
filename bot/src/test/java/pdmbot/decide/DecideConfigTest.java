package pdmbot.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pdmbot.app.PdmBot;
import pdmbot.config.BotConfig;
import pdmbot.config.ConfigLoader;
import pdmbot.config.DecideConfig;
import pdmbot.config.InvalidConfigurationException;

/** The {@code decide:} section: read from YAML with its defaults, refused with the key when wrong, checked at start. */
class DecideConfigTest {

    @TempDir
    Path dir;

    @Test
    void an_empty_section_has_the_known_policy_and_the_gitlab_checks() {
        DecideConfig decide = BotConfig.defaults().decide();

        assertThat(decide.policy().get("large_index_or_fk")).containsExactly("weekends", "low-traffic", "deploy-gap");
        assertThat(decide.policy().get("sidekiq_only")).contains("working-days");
        assertThat(decide.bakeHours()).isEqualTo(12);
        assertThat(decide.health().signals()).extracting(DecideConfig.Signal::name)
                .containsExactly("autovacuum", "wal archive queue", "patroni apdex");
    }

    @Test
    void the_section_is_read_from_yaml_in_kebab_case() throws IOException {
        Path file = Files.writeString(dir.resolve("pdm-bot.yaml"), """
                decide:
                  zone: Europe/Amsterdam
                  low-traffic: 0.3
                  bake-hours: 24
                  holidays: ["2026-12-25 Christmas Day"]
                  policy:
                    dml_inline: [weekends]
                  prometheus:
                    url: http://127.0.0.1:9090
                    timeout-seconds: 3
                    load-query: sum(rate(http_requests_total[5m]))
                  health:
                    unknown-blocks: true
                    signals:
                      - name: wal archive queue
                        query: max(pg_archiver_pending_wal_count)
                        stop-above: 42
                """);
        DecideConfig decide = ConfigLoader.load(file, Map.of()).decide();

        assertThat(decide.zone()).isEqualTo("Europe/Amsterdam");
        assertThat(decide.lowTraffic()).isEqualTo(0.3);
        assertThat(decide.policy().get("dml_inline")).containsExactly("weekends");
        assertThat(decide.policy().get("ddl_cleanup")).containsExactly("weekends", "low-traffic");
        assertThat(decide.prometheus().timeoutSeconds()).isEqualTo(3);
        assertThat(decide.health().unknownBlocks()).isTrue();
        assertThat(decide.health().signals()).containsExactly(new DecideConfig.Signal("wal archive queue", "max(pg_archiver_pending_wal_count)", 42.0, null));
    }

    @Test
    void a_window_that_does_not_exist_is_refused_naming_the_key_and_the_windows() throws IOException {
        Path file = Files.writeString(dir.resolve("pdm-bot.yaml"), "decide:\n  policy:\n    dml_inline: [nights]\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("policy.dml_inline: 'nights' is not a window; expected working-days, weekends, low-traffic, deploy-gap");
    }

    @Test
    void a_calendar_file_with_a_bad_line_stops_the_start_with_file_and_line() throws IOException {
        Path calendar = Files.writeString(dir.resolve("calendar.txt"), "zone UTC\nload friday 0.5\n");
        BotConfig base = DecideBot.config(dir.resolve("data"));
        BotConfig config = new BotConfig(base.data(), base.store(), base.world(), base.roles(), base.console(), base.rules(),
                base.http(), base.slack(), base.discord(), base.run(),
                new DecideConfig(null, calendar.toString(), null, List.of(), null, null, null, null, null), null, null);

        assertThatThrownBy(() -> PdmBot.start(config, Map.of()).close()).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(calendar + ":2: friday has 1 levels; expected 24 (one per hour, 0 to 1)");
    }
}
